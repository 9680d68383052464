// Pointer vs 5-way: the webOS Magic Remote cursor, any moving mouse, and arrow keys handing focus back to the D-pad.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createPointerMode, type PointerModeTarget, type RemoteInputMode } from '../../src/tv/pointer-mode';
import { cursorStateEvent, keyEvent, mouseEvent } from './fake-browser';

function setUp() {
  const doc = new EventTarget();
  const pointer = createPointerMode(doc);
  const changes: RemoteInputMode[] = [];
  pointer.subscribe((mode) => changes.push(mode));
  return { doc, pointer, changes };
}

describe('pointer mode', () => {
  it('starts in 5-way mode: a TV has no cursor until one moves', () => {
    expect(setUp().pointer.mode).toBe('five-way');
  });

  it("follows webOS's cursorStateChange: cursor shown is pointer mode, cursor hidden is 5-way", () => {
    const { doc, pointer, changes } = setUp();
    doc.dispatchEvent(cursorStateEvent({ visibility: true }));
    expect(pointer.mode).toBe('pointer');
    doc.dispatchEvent(cursorStateEvent({ visibility: true }));
    doc.dispatchEvent(cursorStateEvent({ visibility: false }));
    expect(pointer.mode).toBe('five-way');
    expect(changes).toEqual(['pointer', 'five-way']); // one notification per change
  });

  it('ignores a cursorStateChange without a usable detail', () => {
    const { doc, pointer } = setUp();
    doc.dispatchEvent(cursorStateEvent(null));
    doc.dispatchEvent(cursorStateEvent({ visibility: 'yes' }));
    doc.dispatchEvent(new Event('cursorStateChange'));
    expect(pointer.mode).toBe('five-way');
  });

  it('enters pointer mode when a mouse or air mouse moves', () => {
    const { doc, pointer } = setUp();
    doc.dispatchEvent(mouseEvent('mousemove', 100, 100));
    expect(pointer.mode).toBe('pointer');
    const other = setUp();
    other.doc.dispatchEvent(mouseEvent('pointermove', 5, 5));
    expect(other.pointer.mode).toBe('pointer');
  });

  it('hands focus back to 5-way on any arrow key, including keyCode-only events, but not on OK', () => {
    const { doc, pointer } = setUp();
    doc.dispatchEvent(cursorStateEvent({ visibility: true }));
    doc.dispatchEvent(keyEvent({ key: 'Enter', keyCode: 13 }));
    expect(pointer.mode).toBe('pointer'); // OK clicks what the pointer is on
    doc.dispatchEvent(keyEvent({ key: 'ArrowDown', keyCode: 40 }));
    expect(pointer.mode).toBe('five-way');
    doc.dispatchEvent(mouseEvent('mousemove', 10, 10));
    doc.dispatchEvent(keyEvent({ keyCode: 37 }));
    expect(pointer.mode).toBe('five-way');
  });

  it('does not take the synthetic mousemove Chromium sends after scrolling under a resting mouse for pointing', () => {
    const { doc, pointer } = setUp();
    doc.dispatchEvent(mouseEvent('mousemove', 300, 200));
    doc.dispatchEvent(keyEvent({ key: 'ArrowRight', keyCode: 39 }));
    doc.dispatchEvent(mouseEvent('mousemove', 300, 200)); // same spot: the page moved, not the mouse
    expect(pointer.mode).toBe('five-way');
    doc.dispatchEvent(mouseEvent('mousemove', 301, 200));
    expect(pointer.mode).toBe('pointer');
  });

  it('stops notifying after unsubscribe, and stops listening after dispose', () => {
    const { doc, pointer, changes } = setUp();
    const late: RemoteInputMode[] = [];
    const unsubscribe = pointer.subscribe((mode) => late.push(mode));
    unsubscribe();
    doc.dispatchEvent(cursorStateEvent({ visibility: true }));
    expect(late).toEqual([]);
    expect(changes).toEqual(['pointer']);
    pointer.dispose();
    doc.dispatchEvent(keyEvent({ key: 'ArrowUp', keyCode: 38 }));
    doc.dispatchEvent(cursorStateEvent({ visibility: false }));
    expect(pointer.mode).toBe('pointer');
    expect(changes).toEqual(['pointer']);
  });

  it('can start in pointer mode when the shell already knows a pointer is in use', () => {
    expect(createPointerMode(new EventTarget(), 'pointer').mode).toBe('pointer');
  });

  it('accepts `document` as is', () => {
    expectTypeOf<Document>().toExtend<PointerModeTarget>();
  });
});
