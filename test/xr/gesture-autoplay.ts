// Test-only: Safari's (and headset browsers') autoplay rule in Chromium. Safari lets an element play with sound
// only if play() was called on it while a user gesture was being handled; a muted element may always play.
// Headless Chromium lets any element play with sound (its --autoplay-policy=user-gesture-required did not hold
// back an unmuted play() outside a gesture here), and its user activation stays live for seconds after a click,
// so this init script applies the stricter rule to HTMLMediaElement.play: "in a gesture" means during the
// dispatch of a trusted click, pointer, touch or key event (from the window's capture to its bubble phase).
import type { Page } from 'playwright-core';

const SCRIPT = `(() => {
  let inGesture = false;
  for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'touchend', 'keydown', 'keyup']) {
    addEventListener(type, (event) => {
      if (!event.isTrusted) return;
      inGesture = true;
      // A handler that stops propagation keeps the bubble listener from running: end the gesture with the task.
      setTimeout(() => { inGesture = false; });
    }, true);
    addEventListener(type, () => { inGesture = false; });
  }
  const unlocked = new WeakSet();
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    if (inGesture) unlocked.add(this);
    else if (!this.muted && !unlocked.has(this)) {
      return Promise.reject(new DOMException('play() with sound needs a user gesture for this element', 'NotAllowedError'));
    }
    return play.call(this);
  };
})();`;

export async function requireGestureForSound(page: Page): Promise<void> {
  await page.addInitScript({ content: SCRIPT });
}
