// The remote key map: every TV key code and key name, keyCode-only events from 2018 engines, and the keys it must
// leave alone (unknown keys, the TV's own Exit, browser shortcuts).
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  isArrow,
  remoteActionOf,
  TIZEN_KEY_NAMES,
  type RemoteAction,
  type RemoteKeyEvent,
} from '../../src/tv/remote-keys';

const act = (action: string): RemoteAction => ({ action }) as RemoteAction;
const digit = (n: number): RemoteAction => ({ action: 'digit', digit: n }) as RemoteAction;

const KEY_CODES: [number, RemoteAction, string][] = [
  [38, act('up'), 'arrow up'],
  [40, act('down'), 'arrow down'],
  [37, act('left'), 'arrow left'],
  [39, act('right'), 'arrow right'],
  [13, act('ok'), 'OK / Enter'],
  [10009, act('back'), 'Tizen Return'],
  [461, act('back'), 'webOS Back'],
  [8, act('back'), 'Backspace'],
  [27, act('back'), 'Escape'],
  [4, act('back'), 'Fire TV web app Back'],
  [166, act('back'), 'browser back key'],
  [415, act('play'), 'Play'],
  [19, act('pause'), 'Pause'],
  [10252, act('playPause'), 'Samsung PlayPause'],
  [179, act('playPause'), 'Fire TV / Android Play/Pause'],
  [413, act('stop'), 'Stop'],
  [178, act('stop'), 'media Stop'],
  [412, act('rewind'), 'Rewind'],
  [227, act('rewind'), 'Fire TV Rewind'],
  [417, act('fastForward'), 'Fast-forward'],
  [228, act('fastForward'), 'Fire TV Fast-forward'],
  [403, act('red'), 'Red'],
  [404, act('green'), 'Green'],
  [405, act('yellow'), 'Yellow'],
  [406, act('blue'), 'Blue'],
];

const KEY_NAMES: [string, RemoteAction][] = [
  ['ArrowUp', act('up')], ['Up', act('up')],
  ['ArrowDown', act('down')], ['Down', act('down')],
  ['ArrowLeft', act('left')], ['Left', act('left')],
  ['ArrowRight', act('right')], ['Right', act('right')],
  ['Enter', act('ok')],
  ['GoBack', act('back')], ['BrowserBack', act('back')], ['XF86Back', act('back')],
  ['Backspace', act('back')], ['Escape', act('back')], ['Esc', act('back')],
  ['MediaPlay', act('play')], ['MediaPause', act('pause')], ['Pause', act('pause')],
  ['MediaPlayPause', act('playPause')], ['MediaStop', act('stop')],
  ['MediaRewind', act('rewind')], ['MediaFastForward', act('fastForward')],
  ['ColorF0Red', act('red')], ['ColorF1Green', act('green')], ['ColorF2Yellow', act('yellow')], ['ColorF3Blue', act('blue')],
];

describe('remote key map', () => {
  it.each(KEY_CODES)('maps keyCode %i alone (2018 engines send no key) to %o — %s', (keyCode, action) => {
    expect(remoteActionOf({ keyCode })).toEqual(action);
    expect(remoteActionOf({ which: keyCode })).toEqual(action);
    expect(remoteActionOf({ key: 'Unidentified', keyCode })).toEqual(action);
    expect(remoteActionOf({ key: '', keyCode, code: '' })).toEqual(action);
  });

  it.each(KEY_NAMES)('maps key name %s to %o', (key, action) => {
    expect(remoteActionOf({ key })).toEqual(action);
    expect(remoteActionOf({ key, keyCode: 0 })).toEqual(action);
  });

  it('maps number keys from the top row, the numpad, and their key names', () => {
    for (let n = 0; n <= 9; n++) {
      expect(remoteActionOf({ keyCode: 48 + n })).toEqual(digit(n));
      expect(remoteActionOf({ keyCode: 96 + n })).toEqual(digit(n));
      expect(remoteActionOf({ key: String(n), keyCode: 48 + n })).toEqual(digit(n));
      expect(remoteActionOf({ key: String(n) })).toEqual(digit(n));
      expect(remoteActionOf({ code: `Digit${n}` })).toEqual(digit(n));
      expect(remoteActionOf({ code: `Numpad${n}` })).toEqual(digit(n));
    }
  });

  it('falls back to `code` when key and keyCode say nothing', () => {
    expect(remoteActionOf({ key: 'Unidentified', keyCode: 0, code: 'ArrowUp' })).toEqual(act('up'));
    expect(remoteActionOf({ code: 'NumpadEnter' })).toEqual(act('ok'));
    expect(remoteActionOf({ code: 'MediaPlayPause' })).toEqual(act('playPause'));
    expect(remoteActionOf({ code: 'Escape' })).toEqual(act('back'));
  });

  it('trusts a known key name over the keyCode, and a vendor key name falls through to the keyCode', () => {
    expect(remoteActionOf({ key: 'ArrowLeft', keyCode: 0 })).toEqual(act('left'));
    expect(remoteActionOf({ key: 'XF86Back', keyCode: 10009 })).toEqual(act('back'));
    expect(remoteActionOf({ key: 'XF86AudioPlay', keyCode: 415 })).toEqual(act('play'));
  });

  it('returns null for keys SetVisit does not use, so the TV keeps them (Exit, volume, channel, letters)', () => {
    expect(remoteActionOf({})).toBeNull();
    expect(remoteActionOf({ key: 'Unidentified', keyCode: 0 })).toBeNull();
    expect(remoteActionOf({ keyCode: 10182 })).toBeNull(); // Tizen Exit
    expect(remoteActionOf({ key: 'XF86Exit', keyCode: 10182 })).toBeNull();
    expect(remoteActionOf({ key: 'AudioVolumeUp', keyCode: 175 })).toBeNull();
    expect(remoteActionOf({ key: 'ChannelUp', keyCode: 427 })).toBeNull();
    expect(remoteActionOf({ key: 'a', keyCode: 65, code: 'KeyA' })).toBeNull();
    expect(remoteActionOf({ key: 'Tab', keyCode: 9 })).toBeNull();
    expect(remoteActionOf({ key: 'Process', keyCode: 229 })).toBeNull(); // an IME composing
  });

  it('leaves Ctrl/Alt/Meta combinations to the browser and OS, and reads Shift sensibly', () => {
    expect(remoteActionOf({ key: 'ArrowLeft', keyCode: 37, altKey: true })).toBeNull(); // the browser's own Back
    expect(remoteActionOf({ key: 'r', keyCode: 82, ctrlKey: true })).toBeNull();
    expect(remoteActionOf({ key: 'ArrowUp', keyCode: 38, metaKey: true })).toBeNull();
    // Shift does not change what an arrow or Enter means…
    expect(remoteActionOf({ key: 'ArrowUp', keyCode: 38, shiftKey: true } as RemoteKeyEvent)).toEqual(act('up'));
    // …but Shift+1 types '!', which is not the number 1, even though keyCode still says 49.
    expect(remoteActionOf({ key: '!', keyCode: 49, code: 'Digit1' })).toBeNull();
  });

  it('returns one shared, frozen object per action, so a held key allocates nothing', () => {
    const first = remoteActionOf({ keyCode: 39 });
    expect(remoteActionOf({ key: 'ArrowRight' })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('tells arrows from the other actions', () => {
    expect(isArrow(remoteActionOf({ keyCode: 37 }))).toBe(true);
    expect(isArrow(remoteActionOf({ key: 'ArrowDown' }))).toBe(true);
    expect(isArrow(remoteActionOf({ keyCode: 13 }))).toBe(false);
    expect(isArrow(null)).toBe(false);
  });

  it('lists the Tizen key names to register: media, colour and number keys, never Exit or channel keys', () => {
    expect([...TIZEN_KEY_NAMES]).toEqual([
      'MediaPlayPause', 'MediaPlay', 'MediaPause', 'MediaStop', 'MediaRewind', 'MediaFastForward',
      'ColorF0Red', 'ColorF1Green', 'ColorF2Yellow', 'ColorF3Blue',
      '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
    ]);
    // Every registered key name means something to the key map.
    for (const key of TIZEN_KEY_NAMES) expect(remoteActionOf({ key }), key).not.toBeNull();
  });

  it('accepts a real KeyboardEvent', () => {
    expectTypeOf<KeyboardEvent>().toExtend<RemoteKeyEvent>();
  });
});
