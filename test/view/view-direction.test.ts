// The one view direction: wrap, clamp, refusal of broken input, change notification without allocation, and what
// each producer's angles turn into.
import { describe, expect, it } from 'vitest';
import { LookController } from '../../src/panorama/look-controller';
import { clampFlatView, FLAT_PAN_FOV_DEG } from '../../src/tv/flat-pan';
import { looksAtFootage, ViewDirectionTracker, wrapDegrees } from '../../src/view';

describe('view direction', () => {
  it('says no view has reported until one does, at the default field of view', () => {
    const tracker = new ViewDirectionTracker();
    expect(tracker.current()).toEqual({ yaw: 0, pitch: 0, fov: 75, source: 'none' });
    expect(tracker.revision).toBe(0);
  });

  it('wraps yaw into (−180, 180] and clamps pitch to ±90', () => {
    const tracker = new ViewDirectionTracker();
    tracker.set(190, 120, 60, 'desktop-look');
    expect(tracker.current()).toEqual({ yaw: -170, pitch: 90, fov: 60, source: 'desktop-look' });
    tracker.set(-180, -95, 60, 'tv-pan');
    expect(tracker.current()).toMatchObject({ yaw: 180, pitch: -90 });
    tracker.set(720 + 45, 0, 60, 'tv-pan');
    expect(tracker.current().yaw).toBe(45);
    expect(wrapDegrees(-540)).toBe(180);
  });

  it('refuses a broken direction and keeps the last good one', () => {
    const tracker = new ViewDirectionTracker();
    expect(tracker.set(30, 10, 70, 'headset')).toBe(true);
    expect(tracker.set(Number.NaN, 0, 70, 'headset')).toBe(false);
    expect(tracker.set(0, Number.POSITIVE_INFINITY, 70, 'headset')).toBe(false);
    expect(tracker.set(0, 0, 0, 'headset')).toBe(false);
    expect(tracker.set(0, 0, 180, 'headset')).toBe(false);
    expect(tracker.current()).toEqual({ yaw: 30, pitch: 10, fov: 70, source: 'headset' });
    expect(tracker.revision).toBe(1);
  });

  it('hands out one object updated in place, and tells listeners only of real changes', () => {
    const tracker = new ViewDirectionTracker();
    const first = tracker.current();
    const heard: number[] = [];
    const stop = tracker.subscribe((d) => {
      expect(d).toBe(first);
      heard.push(d.yaw);
    });
    tracker.set(10, 0, 75, 'desktop-look');
    tracker.set(10, 0, 75, 'desktop-look');
    tracker.set(370, 0, 75, 'desktop-look'); // the same direction, wrapped
    tracker.set(20, 0, 75, 'desktop-look');
    tracker.set(20, 0, 75, 'tv-pan'); // a new producer is a change
    expect(tracker.current()).toBe(first);
    expect(heard).toEqual([10, 20, 20]);
    expect(tracker.revision).toBe(3);
    stop();
    tracker.set(30, 0, 75, 'desktop-look');
    expect(heard).toHaveLength(3);
  });

  it('follows a look controller: the desktop and TV views report its yaw, pitch and field of view', () => {
    const tracker = new ViewDirectionTracker();
    const look = new LookController({ yaw: 170, pitch: 5, fov: 60 });
    look.lookAt(200, -20);
    tracker.follow(look, 'desktop-look');
    expect(tracker.current()).toEqual({ yaw: -160, pitch: -20, fov: 60, source: 'desktop-look' });
    look.zoomBy(10);
    tracker.follow(look, 'tv-pan');
    expect(tracker.current()).toEqual({ yaw: -160, pitch: -20, fov: 70, source: 'tv-pan' });
  });

  it('on a 180° location, the flat-pan view reports the yaw it shows, kept inside the footage', () => {
    const tracker = new ViewDirectionTracker();
    const viewport = { width: 1920, height: 1080 };
    const shown = clampFlatView({ yaw: 150, pitch: 80, fov: FLAT_PAN_FOV_DEG }, viewport, { projection: 'equirect180', stereo: 'mono' });
    tracker.set(shown.yaw, shown.pitch, FLAT_PAN_FOV_DEG, 'flat-pan');
    const d = tracker.current();
    // 60° tall at 16:9 is about 107° across: the centre may turn at most 90 − 53.3 ≈ 36.7° before the black half shows.
    expect(d.yaw).toBeCloseTo(90 - (FLAT_PAN_FOV_DEG * 1920) / 1080 / 2);
    expect(d.pitch).toBe(60);
    expect(d.source).toBe('flat-pan');
    expect(looksAtFootage(d, 'equirect180')).toBe(true);
  });

  it('tells whether the direction falls on footage: the back half of a 180° location is black', () => {
    expect(looksAtFootage({ yaw: 179 }, 'equirect360')).toBe(true);
    expect(looksAtFootage({ yaw: 90 }, 'equirect180')).toBe(true);
    expect(looksAtFootage({ yaw: -91 }, 'equirect180')).toBe(false);
    expect(looksAtFootage({ yaw: 180 }, 'equirect180')).toBe(false);
    expect(looksAtFootage({ yaw: 300 }, 'equirect180')).toBe(true); // −60 once wrapped
  });
});
