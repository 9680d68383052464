// @vitest-environment happy-dom
// The HbbTV/OIPF keyset request against a scripted application manager: happy-dom's real <object> element, given
// the getOwnerApplication an HbbTV terminal binds to it.
import { afterEach, describe, expect, it } from 'vitest';
import { OIPF_APPLICATION_MANAGER, OIPF_KEYS, requestOipfKeys, SETVISIT_KEYSET } from '../../src/tv/oipf-keys';
import type { OipfApplication, OipfKeyset } from '../../src/tv/platform-apis';

interface ScriptedTerminal {
  keyset: OipfKeyset & { calls: number[] };
  shown: number;
  documents: Document[];
}

/** A terminal that grants what it supports (`supported`), optionally throwing on keys beyond it, as some firmware does. */
function scriptedTerminal(supported: number, throwBeyond = false): ScriptedTerminal {
  const terminal: ScriptedTerminal = {
    keyset: {
      calls: [],
      maximumValue: supported,
      setValue(mask) {
        terminal.keyset.calls.push(mask);
        if (throwBeyond && (mask & ~supported) !== 0) throw new Error('Invalid keyset value');
        terminal.keyset.value = mask & supported;
      },
    },
    shown: 0,
    documents: [],
  };
  return terminal;
}

/** Binds the terminal to every application manager object, the way an HbbTV browser instantiates the plug-in. */
function bindToObjects(terminal: ScriptedTerminal | 'throws'): void {
  Object.defineProperty(HTMLObjectElement.prototype, 'getOwnerApplication', {
    configurable: true,
    value(this: HTMLObjectElement, doc: Document): OipfApplication {
      if (this.getAttribute('type') !== OIPF_APPLICATION_MANAGER) throw new Error('not an application manager');
      if (terminal === 'throws') throw new Error('SecurityError');
      terminal.documents.push(doc);
      return { privateData: { keyset: terminal.keyset }, show: () => void terminal.shown++ };
    },
  });
}

const managers = () => document.querySelectorAll(`object[type="${OIPF_APPLICATION_MANAGER}"]`);

afterEach(() => {
  delete (HTMLObjectElement.prototype as { getOwnerApplication?: unknown }).getOwnerApplication;
  document.body.innerHTML = '';
});

describe('OIPF keyset request', () => {
  it('asks for colours, navigation, media and digits in one mask', () => {
    expect(SETVISIT_KEYSET).toBe(0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x100);
    expect(SETVISIT_KEYSET & 0x40).toBe(0); // SCROLL: not used
    expect(SETVISIT_KEYSET & 0x200).toBe(0); // ALPHA: not used
  });

  it('adds a hidden application manager, asks for the keys on its owner application and shows it', () => {
    const terminal = scriptedTerminal(0x7ff);
    bindToObjects(terminal);
    const report = requestOipfKeys(document);
    expect(report).toEqual({ method: 'keyset', requested: SETVISIT_KEYSET, granted: SETVISIT_KEYSET });
    expect(terminal.keyset.calls).toEqual([SETVISIT_KEYSET]);
    expect(terminal.documents).toEqual([document]);
    expect(terminal.shown).toBe(1);
    const objects = managers();
    expect(objects).toHaveLength(1);
    expect((objects[0] as HTMLElement).getAttribute('style')).toMatch(/visibility:hidden/);
  });

  it('uses the page’s own application manager object when it has one', () => {
    document.body.innerHTML = `<object id="appmgr" type="${OIPF_APPLICATION_MANAGER}"></object>`;
    const terminal = scriptedTerminal(0x7ff);
    bindToObjects(terminal);
    expect(requestOipfKeys(document).method).toBe('keyset');
    expect(managers()).toHaveLength(1);
    expect(managers()[0]?.id).toBe('appmgr');
  });

  it('asks only for what the terminal can grant, so firmware that throws beyond maximumValue still gives the rest', () => {
    const noDigits = OIPF_KEYS.RED | OIPF_KEYS.GREEN | OIPF_KEYS.YELLOW | OIPF_KEYS.BLUE | OIPF_KEYS.NAVIGATION | OIPF_KEYS.VCR;
    const terminal = scriptedTerminal(noDigits, true);
    bindToObjects(terminal);
    const report = requestOipfKeys(document);
    expect(terminal.keyset.calls).toEqual([noDigits]);
    expect(report).toEqual({ method: 'keyset', requested: noDigits, granted: noDigits });
  });

  it('reports a refusal as failed, without throwing, and keeps the bound object', () => {
    const terminal = scriptedTerminal(OIPF_KEYS.NAVIGATION, true);
    delete terminal.keyset.maximumValue; // an old terminal that does not say what it grants
    bindToObjects(terminal);
    const report = requestOipfKeys(document);
    expect(report).toEqual({ method: 'failed', requested: SETVISIT_KEYSET, granted: null });
    expect(terminal.shown).toBe(0);
    expect(managers()).toHaveLength(1);
  });

  it('reports failed when getOwnerApplication throws', () => {
    bindToObjects('throws');
    expect(requestOipfKeys(document).method).toBe('failed');
  });

  it('leaves no object behind in a browser that binds nothing', () => {
    const report = requestOipfKeys(document);
    expect(report).toEqual({ method: 'unavailable', requested: SETVISIT_KEYSET, granted: null });
    expect(managers()).toHaveLength(0);
  });
});
