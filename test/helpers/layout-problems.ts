// What is wrong with a page's layout on screen now, as the screen walkers judge it: text wider or taller than its
// box, two controls on top of each other, a control past the screen's sides, and (for the TV) text smaller than a
// sofa three metres away can read. Controls faded out (a player's, while watching) are not on screen.
// The same checks as test/browser/screens-walker.test.ts's own, plus the text size.
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
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      // 1×1 px and clipped: a name for screen readers only, not text on screen.
      if (box.width <= 1 || box.height <= 1) return false;
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) < 0.05) return false;
      }
      return true;
    };
    const ownText = (el: Element) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    const scope = `${within} *`;
    for (const el of Array.from(document.querySelectorAll(scope))) {
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
    const controls = Array.from(document.querySelectorAll(`${within} :is(button, a[href], input, select, textarea, [role=button])`)).filter(shown);
    const width = document.documentElement.clientWidth;
    const boxes = controls.map((el) => ({ el, box: el.getBoundingClientRect() }));
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
        if (w > 2 && h > 2) problems.push({ kind: 'overlap', what: `${name(a.el)} and ${name(b.el)}` });
      }
    }
    return problems;
  }, { minTextPx: options.minTextPx ?? 0, within: options.within ?? 'body' });
}
