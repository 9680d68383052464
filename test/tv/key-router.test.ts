// The key router: the newest screen's handler gets each remote key first; unmapped keys are never touched.
import { describe, expect, it } from 'vitest';
import { createKeyRouter, type RemoteKeyInput } from '../../src/tv/key-router';

function keyEvent(type: 'keydown' | 'keyup', init: { key?: string; keyCode?: number; repeat?: boolean }) {
  const event = new Event(type, { cancelable: true });
  return Object.assign(event, init);
}

describe('key router', () => {
  it('asks the newest handler first and stops at the first that uses the key', () => {
    const target = new EventTarget();
    const router = createKeyRouter();
    router.listen(target);
    const calls: string[] = [];
    router.setFallback((input) => (calls.push(`shell:${input.action.action}`), true));
    const off = router.push((input) => (calls.push(`watch:${input.action.action}:${input.phase}`), input.action.action === 'left'));
    const left = keyEvent('keydown', { key: 'ArrowLeft', keyCode: 37 });
    target.dispatchEvent(left);
    expect(left.defaultPrevented).toBe(true);
    target.dispatchEvent(keyEvent('keydown', { key: 'Enter', keyCode: 13 }));
    target.dispatchEvent(keyEvent('keyup', { key: 'ArrowLeft', keyCode: 37 }));
    expect(calls).toEqual(['watch:left:down', 'watch:ok:down', 'shell:ok', 'watch:left:up']);
    off();
    calls.length = 0;
    target.dispatchEvent(keyEvent('keydown', { keyCode: 10009 }));
    expect(calls).toEqual(['shell:back']);
  });

  it('leaves keys it does not map alone (no preventDefault, no handler call)', () => {
    const target = new EventTarget();
    const router = createKeyRouter();
    router.listen(target);
    let called = 0;
    router.push(() => (called++, true));
    const exitKey = keyEvent('keydown', { key: 'Unidentified', keyCode: 10182 });
    target.dispatchEvent(exitKey);
    expect(exitKey.defaultPrevented).toBe(false);
    expect(called).toBe(0);
  });

  it('reports auto-repeats on keydown and leaves a key no handler used to the browser', () => {
    const target = new EventTarget();
    const router = createKeyRouter();
    const stop = router.listen(target);
    const seen: RemoteKeyInput[] = [];
    router.push((input) => (seen.push(input), false));
    const held = keyEvent('keydown', { keyCode: 461, repeat: true });
    target.dispatchEvent(held);
    expect(seen[0]).toMatchObject({ action: { action: 'back' }, phase: 'down', repeat: true });
    expect(held.defaultPrevented).toBe(false);
    stop();
    target.dispatchEvent(keyEvent('keydown', { keyCode: 461 }));
    expect(seen).toHaveLength(1);
  });
});
