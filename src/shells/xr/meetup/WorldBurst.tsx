// The reaction burst in the room: the same particle pool as the desktop's burst (fixed capacity, a per-frame spawn
// budget, a bounded backlog), drawn as one three.js Points object in the meet-up's panel group — one draw call,
// nothing allocated per frame, and nothing drawn at all while no reaction is in the air. The room's reaction
// windows feed it; the person's own taps show at once and are not drawn again when the window counting them comes.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, CanvasTexture, Color, PointsMaterial, type Points } from 'three';
import { ParticlePool } from '../../../meetup/particle-pool';
import { REACTION_SHAPES } from '../../../meetup/reaction-shapes';
import { REACTION_KINDS, type ReactionKind } from '../../../protocol/meetup';
import { useServices } from '../../../react/AppContext';
import type { XrHook } from '../xr-hook';

/** The area the particles rise through, metres: x across, y up from the bottom of the pool's square. */
const AREA_M: [number, number] = [1.6, 1.4];
const HIDDEN_Y = -1e4;

/** Reactions to show: the palette adds the person's own, the room's windows the others'. */
export class WorldReactions {
  readonly pool = new ParticlePool({ capacity: 96, spawnPerFrame: 4 });
  spawned = 0;
  private readonly ownShown = new Map<ReactionKind, number>();

  /** Advances the pool one frame. */
  step(dtMs: number): void {
    this.spawned += this.pool.step(dtMs);
  }

  /** One of the person's own taps, drawn now. */
  addOwn(kind: ReactionKind): void {
    this.pool.add(kind, 1);
    this.ownShown.set(kind, (this.ownShown.get(kind) ?? 0) + 1);
  }

  /** A room window's counts, less the own taps already drawn. */
  addWindow(counts: Partial<Record<ReactionKind, number>>): void {
    for (const kind of REACTION_KINDS) {
      const count = counts[kind] ?? 0;
      const own = this.ownShown.get(kind) ?? 0;
      this.ownShown.set(kind, Math.max(0, own - count));
      if (count > own) this.pool.add(kind, count - own);
    }
  }
}

export function WorldBurst({ reactions, hook, position }: { reactions: WorldReactions; hook: XrHook; position: [number, number, number] }) {
  const { store } = useServices();
  useEffect(() => {
    let lastSeq = store.getState().meetup.lastWindow?.seq ?? 0;
    return store.subscribe((state) => {
      const window = state.meetup.lastWindow;
      if (!window || window.seq === lastSeq) return;
      lastSeq = window.seq;
      reactions.addWindow(window.counts);
    });
  }, [store, reactions]);

  const { geometry, material } = useMemo(() => {
    const n = reactions.pool.budget.capacity;
    const geometry = new BufferGeometry();
    const positions = new Float32Array(n * 3).fill(HIDDEN_Y);
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    geometry.setAttribute('color', new BufferAttribute(new Float32Array(n * 3), 3));
    const material = new PointsMaterial({ size: 0.07, sizeAttenuation: true, vertexColors: true, map: dot(), transparent: true, alphaTest: 0.3, depthWrite: false, toneMapped: false });
    return { geometry, material };
  }, [reactions]);
  useEffect(
    () => () => {
      geometry.dispose();
      material.map?.dispose();
      material.dispose();
    },
    [geometry, material],
  );

  const points = useRef<Points>(null);
  useFrame((_, delta) => {
    const { pool } = reactions;
    if (!points.current) return;
    const busy = pool.alive > 0 || pool.waiting > 0;
    points.current.visible = busy;
    if (!busy) return;
    reactions.step(delta * 1000);
    const position = geometry.getAttribute('position') as BufferAttribute;
    const color = geometry.getAttribute('color') as BufferAttribute;
    const xyz = position.array as Float32Array;
    const rgb = color.array as Float32Array;
    for (let i = 0; i < pool.life.length; i++) {
      if (pool.life[i]! <= 0) {
        xyz[i * 3 + 1] = HIDDEN_Y;
        continue;
      }
      xyz[i * 3] = (pool.x[i]! - 0.5) * AREA_M[0];
      xyz[i * 3 + 1] = (1 - pool.y[i]!) * AREA_M[1];
      xyz[i * 3 + 2] = 0;
      const c = KIND_COLORS[pool.kind[i]!]!;
      rgb[i * 3] = c.r;
      rgb[i * 3 + 1] = c.g;
      rgb[i * 3 + 2] = c.b;
    }
    position.needsUpdate = true;
    color.needsUpdate = true;
    hook.setMeetup({ burst: { alive: pool.alive, spawned: reactions.spawned } });
  });

  return <points ref={points} geometry={geometry} material={material} position={position} renderOrder={5} frustumCulled={false} visible={false} />;
}

/** Each kind's main colour (its shape's first part). */
const KIND_COLORS = REACTION_KINDS.map((kind) => new Color(REACTION_SHAPES[kind][0]!.fill));

/** A soft round dot, so the points are not squares. */
function dot(): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 32;
  const context = canvas.getContext('2d');
  if (context) {
    const gradient = context.createRadialGradient(16, 16, 0, 16, 16, 16);
    gradient.addColorStop(0, 'rgba(255,255,255,1)');
    gradient.addColorStop(0.6, 'rgba(255,255,255,0.9)');
    gradient.addColorStop(1, 'rgba(255,255,255,0)');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 32, 32);
  }
  return new CanvasTexture(canvas);
}
