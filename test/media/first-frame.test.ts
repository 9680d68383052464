// @vitest-environment happy-dom
// When the session calls the first frame shown: at the first frame callback, or at 'loadeddata' once the next
// animation frame (in which the view draws the decoded frame) has run, whichever comes first; once; and nothing is
// left listening after it or after a cancel.
import { describe, expect, it } from 'vitest';
import { whenFrameShown } from '../../src/media/first-frame';
import { scriptedVideo } from './scripted-media';

const nextAnimationFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

describe('first frame shown', () => {
  it('at the first frame callback, once', () => {
    const video = scriptedVideo();
    const before = video.listenerCount();
    let shown = 0;
    whenFrameShown(video, () => shown++);
    video.presentFrame();
    video.dispatchEvent(new Event('loadeddata'));
    video.presentFrame();
    expect(shown).toBe(1);
    expect(video.listenerCount()).toBe(before);
  });

  it("at 'loadeddata' after the next animation frame, when the frame callback is late (a hidden video's)", async () => {
    const video = scriptedVideo();
    let shown = 0;
    whenFrameShown(video, () => shown++);
    video.dispatchEvent(new Event('loadeddata'));
    // Not inside the event: the view's draw of that frame comes first.
    expect(shown).toBe(0);
    await nextAnimationFrame();
    expect(shown).toBe(1);
    video.presentFrame();
    expect(shown).toBe(1);
  });

  it('never after a cancel', async () => {
    const video = scriptedVideo();
    const before = video.listenerCount();
    let shown = 0;
    const cancel = whenFrameShown(video, () => shown++);
    video.dispatchEvent(new Event('loadeddata'));
    cancel();
    await nextAnimationFrame();
    video.presentFrame();
    expect(shown).toBe(0);
    expect(video.listenerCount()).toBe(before);
  });
});
