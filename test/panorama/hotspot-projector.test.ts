// Hotspot pins follow the view after every drawn frame without allocating or touching the DOM needlessly: a video
// frame drawn while the view stands still writes nothing; a turn moves the pin; a spot behind the viewer hides it.
import { describe, expect, it } from 'vitest';
import { HotspotProjector } from '../../src/panorama/hotspot-projector';
import { LookController } from '../../src/panorama/look-controller';
import { projectToScreen } from '../../src/panorama/screen-projection';

/** The two properties the projector writes, counting the writes (the view's buttons, without a DOM). */
function pinTarget() {
  const writes = { hidden: 0, transform: 0 };
  let hidden = true;
  let transform = '';
  const element = {
    get hidden() {
      return hidden;
    },
    set hidden(value: boolean) {
      writes.hidden++;
      hidden = value;
    },
    style: {
      get transform() {
        return transform;
      },
      set transform(value: string) {
        writes.transform++;
        transform = value;
      },
    },
  };
  return { element: element as unknown as HTMLElement, writes };
}

describe('hotspot projector', () => {
  it('writes the pin once while the view stands still, moves it when the view turns, hides it behind', () => {
    const look = new LookController({ yaw: 0, pitch: 0, fov: 90 });
    const projector = new HotspotProjector(look);
    const { element, writes } = pinTarget();
    projector.pin(element, { yaw: 0, pitch: 0 });

    projector.update(800, 600, 1);
    expect(element.hidden).toBe(false);
    expect(element.style.transform).toBe('translate(400px, 300px) translate(-50%, -50%)');
    for (let frame = 0; frame < 10; frame++) projector.update(800, 600, 1 + frame / 30);
    expect(writes).toEqual({ hidden: 1, transform: 1 });

    // Turning right moves what was straight ahead to the left.
    look.lookAt(10, 0);
    projector.update(800, 600, 2);
    expect(writes.transform).toBe(2);
    expect(element.style.transform).toMatch(/^translate\(3\d\d(\.\d+)?px, 300px\)/);

    look.lookAt(180, 0);
    projector.update(800, 600, 2);
    expect(element.hidden).toBe(true);
    expect(writes.hidden).toBe(2);
  });

  it('stops moving an element once unpinned', () => {
    const look = new LookController();
    const projector = new HotspotProjector(look);
    const { element, writes } = pinTarget();
    const unpin = projector.pin(element, { yaw: 5, pitch: 0 });
    projector.update(800, 600, 0);
    unpin();
    look.lookAt(20, 0);
    projector.update(800, 600, 0);
    expect(writes.transform).toBe(1);
  });

  it('projects into the point it is given instead of a new one', () => {
    const out = { x: 9, y: 9 };
    const view = { yaw: 0, pitch: 0, fov: 90 };
    expect(projectToScreen(45, 0, view, 1, out)).toBe(out);
    expect(out.x).toBeCloseTo(1);
    expect(out.y).toBeCloseTo(0);
    expect(projectToScreen(180, 0, view, 1, out)).toBeNull();
  });
});
