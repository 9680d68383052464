// What is wrong with a page's layout on screen now, as the screen walkers (desktop and phone, TV) judge it: text
// wider or taller than its box, two controls on top of each other, a control past the screen's sides, and (asked
// for by the TV's walker) text smaller than a sofa three metres away can read. Controls faded out (a player's, while
// watching) are not on screen.
import type { Page } from 'playwright-core';

export interface LayoutProblem {
  kind: 'overflow' | 'overlap' | 'off-screen' | 'small-text';
  what: string;
}

export interface LayoutOptions {
  /** Text rendered smaller than this (CSS px, SVG text at its drawn size) is a problem; 0 checks nothing. */
  minTextPx?: number;
  /** Only elements inside this selector are judged (default the whole body). */
  within?: string;
}

export function layoutProblems(page: Page, options: LayoutOptions = {}): Promise<LayoutProblem[]> {
  return page.evaluate(({ minTextPx, within }) => {
    const problems: { kind: 'overflow' | 'overlap' | 'off-screen' | 'small-text'; what: string }[] = [];
    const name = (el: Element) => {
      const className = typeof el.className === 'string' ? el.className : el.getAttribute('class') ?? '';
      return `${el.tagName.toLowerCase()}${className ? '.' + className.split(' ').join('.') : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    };
    // Whether an element or one of its ancestors is hidden, faded out or not displayed; each element's answer is
    // kept, so a deep page reads every element's style once rather than once per descendant.
    const hiddenBy = new Map<Element, boolean>();
    const hidden = (el: Element | null): boolean => {
      if (!el) return false;
      let known = hiddenBy.get(el);
      if (known === undefined) {
        const style = getComputedStyle(el);
        known = style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) < 0.05 || hidden(el.parentElement);
        hiddenBy.set(el, known);
      }
      return known;
    };
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      // 1×1 px and clipped: a name for screen readers only (the player's button labels), not text on screen.
      if (box.width <= 1 || box.height <= 1) return false;
      return !hidden(el);
    };
    const ownText = (el: Element) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    // Text: an element holding text of its own.
    for (const el of Array.from(document.querySelectorAll(`${within} *`))) {
      if (!shown(el) || !ownText(el)) continue;
      if (el instanceof SVGElement) {
        // SVG text is drawn at its font size times the SVG's scale on screen.
        if (minTextPx > 0 && el instanceof SVGGraphicsElement) {
          const px = parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM()?.a ?? 1);
          if (px < minTextPx - 0.25) problems.push({ kind: 'small-text', what: `${name(el)} ${px.toFixed(1)} px` });
        }
        continue;
      }
      if (!(el instanceof HTMLElement)) continue;
      const style = getComputedStyle(el);
      if (minTextPx > 0 && parseFloat(style.fontSize) < minTextPx - 0.25) problems.push({ kind: 'small-text', what: `${name(el)} ${style.fontSize}` });
      // Text wider or taller than its box (unless the box scrolls on purpose).
      if (/(auto|scroll)/.test(style.overflowX + style.overflowY)) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2) problems.push({ kind: 'overflow', what: `${name(el)} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}` });
    }
    // What of a control is on screen: its box cut to every box around it that clips (a panel that scrolls shows only
    // part of what it holds); null when nothing of it shows (scrolled out of its panel is not on screen).
    const visibleBox = (el: Element): DOMRect | null => {
      const box = el.getBoundingClientRect();
      let left = box.left, top = box.top, right = box.right, bottom = box.bottom;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = up.getBoundingClientRect();
        left = Math.max(left, clip.left);
        top = Math.max(top, clip.top);
        right = Math.min(right, clip.right);
        bottom = Math.min(bottom, clip.bottom);
      }
      return right - left > 1 && bottom - top > 1 ? new DOMRect(left, top, right - left, bottom - top) : null;
    };
    const controls = Array.from(document.querySelectorAll(`${within} :is(button, a[href], input, select, textarea, [role=button])`)).filter(shown);
    const width = document.documentElement.clientWidth;
    const boxes = controls.flatMap((el) => {
      const box = visibleBox(el);
      return box ? [{ el, box }] : [];
    });
    for (const { el, box } of boxes) {
      if (box.left < -1 || box.right > width + 1) problems.push({ kind: 'off-screen', what: `${name(el)} at ${Math.round(box.left)}…${Math.round(box.right)} of ${width}` });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        const at = (box: DOMRect) => `(${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)})`;
        if (w > 2 && h > 2) problems.push({ kind: 'overlap', what: `${name(a.el)} ${at(a.box)} and ${name(b.el)} ${at(b.box)}` });
      }
    }
    return problems;
  }, { minTextPx: options.minTextPx ?? 0, within: options.within ?? 'body' });
}

/**
 * The layout judged at rest: once no transition or animation runs (endless ones, a spinner's, aside; at most
 * `settleMs`), `capture` (a screenshot) and the checks above. Anything that starts moving meanwhile (the player
 * controls fading after their idle time while a slow machine takes the screenshot) puts boxes halfway, and is no
 * layout's: then the screen is judged again, up to `attempts` times.
 */
export async function layoutProblemsAtRest(page: Page, options: LayoutOptions & { capture?: () => Promise<void>; settleMs?: number; attempts?: number } = {}): Promise<LayoutProblem[]> {
  const { capture, settleMs = 1_500, attempts = 3, ...checks } = options;
  for (let attempt = 1; ; attempt++) {
    await page
      // An interval, not animation frames: a page drawing 360° video in software gets a frame every second or two.
      .waitForFunction(() => !document.getAnimations().some((a) => a.playState === 'running' && !(a.effect instanceof KeyframeEffect && a.effect.getComputedTiming().iterations === Infinity)), undefined, { timeout: settleMs, polling: 100 })
      .catch(() => undefined);
    await page.evaluate(() => {
      const w = window as unknown as { __layoutMoved?: { moved: boolean } };
      if (!w.__layoutMoved) {
        const watch = { moved: false };
        w.__layoutMoved = watch;
        for (const type of ['transitionrun', 'animationstart']) document.addEventListener(type, () => (watch.moved = true), true);
      }
      w.__layoutMoved.moved = false;
    });
    await capture?.();
    const problems = await layoutProblems(page, checks);
    const moved = await page.evaluate(() => (window as unknown as { __layoutMoved: { moved: boolean } }).__layoutMoved.moved);
    if (!moved || attempt >= attempts) return problems;
  }
}
