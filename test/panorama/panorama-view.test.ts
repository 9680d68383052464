// The one 360 view: each location starts at its initial view, the look and hotspots stay the same objects, the video
// goes where the mode puts it, and every drawn frame moves the pins and reports the view direction with its source.
import { describe, expect, it } from 'vitest';
import { DESKTOP_SPHERE, PanoramaView, TV_SPHERE, type FlatMode } from '../../src/panorama/panorama-view';
import type { LocationPlayback, TourPlayer } from '../../src/tour/tour-player';
import type { TourLocation } from '../../src/protocol/tour-schema';
import { FLAT_PAN_MODE } from '../../src/tv/flat-pan';
import { ViewDirectionTracker } from '../../src/view';

/** A stand-in for the tour player (the real one opens media sessions, which need a browser): the locations on
 * screen, switched by `goTo`, and the sessions' mounts recorded. */
function playerAt(...locations: { id: string; yaw: number; pitch: number; projection?: 'equirect360' | 'equirect180' }[]) {
  const mounts: { location: string; host: HTMLElement; undone: boolean }[] = [];
  const playbacks = locations.map(({ id, yaw, pitch, projection = 'equirect360' }) => {
    const location = { id, initialView: { yaw, pitch }, projection, stereo: 'mono', hotspots: [] } as unknown as TourLocation;
    const session = {
      video: {} as HTMLVideoElement,
      mountIn(host: HTMLElement) {
        const mount = { location: id, host, undone: false };
        mounts.push(mount);
        return () => {
          mount.undone = true;
        };
      },
    };
    return { location, session } as unknown as LocationPlayback;
  });
  const listeners = new Set<() => void>();
  const player = {
    state: { current: playbacks[0]!, previous: null as LocationPlayback | null, fadeStartedAt: null },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    goTo(id: string) {
      player.state = { current: playbacks.find((p) => p.location.id === id)!, previous: player.state.current, fadeStartedAt: null };
      listeners.forEach((l) => l());
    },
  };
  return { player: player as unknown as TourPlayer & { goTo(id: string): void }, mounts, listeners };
}

/** A pinned element without a DOM: the two properties the projector writes. */
function pinTarget() {
  return { hidden: true, style: { transform: '' } } as unknown as HTMLElement;
}

const host = {} as HTMLElement;

describe('360 view', () => {
  it("starts at the location's initial view and reports each drawn frame as the direction, from its source", () => {
    const { player } = playerAt({ id: 'stage', yaw: 30, pitch: -5 });
    const direction = new ViewDirectionTracker();
    const view = new PanoramaView(player, DESKTOP_SPHERE, direction);
    expect([view.look.yaw, view.look.pitch, view.look.fov]).toEqual([30, -5, 75]);
    // Nothing is reported before a frame shows it.
    expect(direction.current().source).toBe('none');
    view.frameDrawn(1600, 900, 0);
    expect(direction.current()).toEqual({ yaw: 30, pitch: -5, fov: 75, source: 'desktop-look' });
    view.look.dragBy(-100, 0, 900); // 100 px left at 75/900 °/px turns right
    view.frameDrawn(1600, 900, 0.04);
    expect(direction.current().yaw).toBeCloseTo(30 + 100 * (75 / 900));

    const tv = new PanoramaView(player, TV_SPHERE, direction);
    tv.frameDrawn(1920, 1080, 0);
    expect(direction.current()).toEqual({ yaw: 30, pitch: -5, fov: 75, source: 'tv-pan' });
  });

  it('pins hotspots to the frame drawn: straight ahead sits in the middle of the screen', () => {
    const { player } = playerAt({ id: 'stage', yaw: 0, pitch: 0 });
    const view = new PanoramaView(player, DESKTOP_SPHERE);
    const element = pinTarget();
    view.hotspots.pin(element, { yaw: 0, pitch: 0 });
    view.frameDrawn(800, 600, 1);
    expect(element.hidden).toBe(false);
    expect(element.style.transform).toBe('translate(400px, 300px) translate(-50%, -50%)');
  });

  it('follows the player once started: a new location starts at its own view, keys held and zoom end', () => {
    const { player, listeners } = playerAt({ id: 'stage', yaw: 0, pitch: 0 }, { id: 'booth', yaw: -120, pitch: 10 });
    const view = new PanoramaView(player, DESKTOP_SPHERE);
    const { look, hotspots } = view;
    // Making the view has no effects: it listens only once started.
    expect(listeners.size).toBe(0);
    const stop = view.start();
    look.keyDown('ArrowRight', 0);
    look.zoomBy(-20);
    player.goTo('booth');
    expect([view.look.yaw, view.look.pitch, view.look.fov]).toEqual([-120, 10, 75]);
    expect(view.look.isMoving).toBe(false);
    expect(view.look).toBe(look);
    expect(view.hotspots).toBe(hotspots);
    stop();
    expect(listeners.size).toBe(0);
    player.goTo('stage');
    expect(view.look.yaw).toBe(-120);
  });

  it('catches up on start with a location changed since it was made', () => {
    const { player } = playerAt({ id: 'stage', yaw: 0, pitch: 0 }, { id: 'booth', yaw: 45, pitch: 0 });
    const view = new PanoramaView(player, TV_SPHERE);
    player.goTo('booth');
    view.start();
    expect(view.look.yaw).toBe(45);
  });

  it("sphere: shows a location by putting its video in the host (hidden; the renderer draws its frames)", () => {
    const { player, mounts } = playerAt({ id: 'stage', yaw: 0, pitch: 0 }, { id: 'booth', yaw: 0, pitch: 0 });
    const view = new PanoramaView(player, DESKTOP_SPHERE);
    const undo = view.show(host);
    expect(mounts).toEqual([{ location: 'stage', host, undone: false }]);
    undo();
    player.goTo('booth');
    view.show(host);
    expect(mounts).toEqual([
      { location: 'stage', host, undone: true },
      { location: 'booth', host, undone: false },
    ]);
  });

  it('flat: a fixed field of view and flat limits, the mode shows the location, the direction says flat-pan', () => {
    const { player } = playerAt({ id: 'stage', yaw: 20, pitch: 80 });
    const direction = new ViewDirectionTracker();
    const shown: string[] = [];
    const mode: FlatMode = {
      ...FLAT_PAN_MODE,
      show: (into, view, playback) => {
        expect(into).toBe(host);
        expect(view.look).toBeDefined();
        shown.push(playback.location.id);
        return () => shown.push('undone');
      },
    };
    const view = new PanoramaView(player, mode, direction);
    // Pitch stops where the frame's top edge would show (90 − 60/2).
    expect([view.look.yaw, view.look.pitch, view.look.fov]).toEqual([20, 60, 60]);
    view.look.zoomBy(20);
    expect(view.look.fov).toBe(60);
    view.show(host)();
    expect(shown).toEqual(['stage', 'undone']);
    view.frameDrawn(1920, 1080, 0);
    expect(direction.current()).toEqual({ yaw: 20, pitch: 60, fov: 60, source: 'flat-pan' });
  });

  it("flat: hotspots use the flat view's linear mapping, not the sphere's perspective", () => {
    const { player } = playerAt({ id: 'stage', yaw: 0, pitch: 0 });
    const flat = new PanoramaView(player, FLAT_PAN_MODE);
    const sphere = new PanoramaView(player, { ...TV_SPHERE });
    sphere.look.zoomBy(60 - sphere.look.fov);
    const [a, b] = [pinTarget(), pinTarget()];
    flat.hotspots.pin(a, { yaw: 40, pitch: 0 });
    sphere.hotspots.pin(b, { yaw: 40, pitch: 0 });
    flat.frameDrawn(1920, 1080, 0);
    sphere.frameDrawn(1920, 1080, 0);
    // 40° of a 106.7° wide flat view: 960 + 960 × 40 / 53.3 = 1680 px; the perspective view puts it further out.
    expect(a.style.transform).toBe('translate(1680px, 540px) translate(-50%, -50%)');
    expect(b.style.transform).toMatch(/^translate\(17\d\d\.\d+px, 540px\)/);
  });
});
