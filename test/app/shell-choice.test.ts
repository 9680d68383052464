// The shell choice: ?mode= (as the launch parameters read it) wins, else the device decides.
import { describe, expect, it } from 'vitest';
import { chooseShell } from '../../src/app/shell-choice';
import { readLaunchParams } from '../../src/app/url-params';
import { NOT_TV_USER_AGENTS, TV_USER_AGENTS } from '../tv/tv-user-agents';

describe('shell choice', () => {
  const tizen = TV_USER_AGENTS[1]![2];
  const desktop = NOT_TV_USER_AGENTS[0]![1];
  const quest = NOT_TV_USER_AGENTS[9]![1];

  it('opens the TV shell on every TV platform and the desktop shell elsewhere', () => {
    for (const [, , userAgent] of TV_USER_AGENTS) expect(chooseShell({ mode: readLaunchParams('').mode, userAgent })).toBe('tv');
    for (const [, userAgent] of NOT_TV_USER_AGENTS) expect(chooseShell({ mode: readLaunchParams('').mode, userAgent })).toBe('desktop');
  });

  it('lets ?mode= win over detection, in both directions', () => {
    expect(chooseShell({ mode: readLaunchParams('?mode=tv').mode, userAgent: desktop })).toBe('tv');
    expect(chooseShell({ mode: readLaunchParams('?project=lantern-keeper&mode=tv').mode, userAgent: quest })).toBe('tv');
    expect(chooseShell({ mode: readLaunchParams('?mode=desktop').mode, userAgent: tizen })).toBe('desktop');
    expect(chooseShell({ mode: readLaunchParams('?mode=xr').mode, userAgent: desktop })).toBe('xr');
  });

  it('ignores an unknown ?mode= value', () => {
    expect(chooseShell({ mode: readLaunchParams('?mode=kiosk').mode, userAgent: tizen })).toBe('tv');
    expect(chooseShell({ mode: readLaunchParams('?mode=').mode, userAgent: desktop })).toBe('desktop');
  });

  it('keeps XR off until the XR shell detects immersive-vr, and never lets it take over a TV', () => {
    expect(chooseShell({ mode: readLaunchParams('').mode, userAgent: quest })).toBe('desktop');
    expect(chooseShell({ mode: readLaunchParams('').mode, userAgent: quest, immersiveVrSupported: true })).toBe('xr');
    expect(chooseShell({ mode: readLaunchParams('').mode, userAgent: tizen, immersiveVrSupported: true })).toBe('tv');
  });
});
