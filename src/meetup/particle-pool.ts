// The reaction burst's particles, without any drawing: a fixed pool in typed arrays (nothing allocated per
// particle or per frame), a backlog that a storm cannot grow without bound, and a per-frame spawn budget so a
// window of 5,000 hearts turns into a steady stream instead of one frame that costs a TV its frame rate.
import { REACTION_KINDS, type ReactionKind } from '../protocol/meetup';

export interface ParticleBudget {
  /** Particles alive at once, at most. */
  capacity: number;
  /** New particles per frame, at most. */
  spawnPerFrame: number;
  /** Reactions waiting to be shown, at most; a storm beyond this is shown as "many", not queued for minutes. */
  maxBacklog: number;
  /** How long a particle lives. */
  lifeMs: number;
}

export const DEFAULT_PARTICLE_BUDGET: ParticleBudget = { capacity: 160, spawnPerFrame: 6, maxBacklog: 240, lifeMs: 2_200 };

/** Fixed-size pool; positions are 0..1 of the canvas, so the pool needs no size. */
export class ParticlePool {
  readonly budget: ParticleBudget;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly vx: Float32Array;
  readonly vy: Float32Array;
  /** Milliseconds left; 0 means the slot is free. */
  readonly life: Float32Array;
  readonly kind: Uint8Array;
  private readonly backlog = new Uint32Array(REACTION_KINDS.length);
  private backlogTotal = 0;
  private live = 0;
  /** Where to look for a free slot next: spawning stays O(spawned), not O(capacity), in the common case. */
  private cursor = 0;
  private seed = 1;

  constructor(budget: Partial<ParticleBudget> = {}) {
    this.budget = { ...DEFAULT_PARTICLE_BUDGET, ...budget };
    const n = this.budget.capacity;
    this.x = new Float32Array(n);
    this.y = new Float32Array(n);
    this.vx = new Float32Array(n);
    this.vy = new Float32Array(n);
    this.life = new Float32Array(n);
    this.kind = new Uint8Array(n);
  }

  get alive(): number {
    return this.live;
  }

  get waiting(): number {
    return this.backlogTotal;
  }

  /** Queues reactions to show; beyond the backlog cap they are dropped (the count on screen still says it). */
  add(kind: ReactionKind, count: number): void {
    if (!Number.isFinite(count)) return;
    const index = REACTION_KINDS.indexOf(kind);
    const room = this.budget.maxBacklog - this.backlogTotal;
    const taken = Math.max(0, Math.min(room, Math.floor(count)));
    if (index < 0 || taken === 0) return;
    this.backlog[index]! += taken;
    this.backlogTotal += taken;
  }

  /** Advances one frame: spawns within budget, moves and ages the living. Returns particles spawned. */
  step(dtMs: number): number {
    const spawned = this.spawn();
    const dt = Math.min(dtMs, 100) / 1000;
    const { x, y, vx, vy, life } = this;
    for (let i = 0; i < life.length; i++) {
      if (life[i]! <= 0) continue;
      life[i] = life[i]! - dtMs;
      if (life[i]! <= 0) {
        life[i] = 0;
        this.live--;
        continue;
      }
      x[i] = x[i]! + vx[i]! * dt;
      y[i] = y[i]! + vy[i]! * dt;
      vx[i] = vx[i]! * 0.98;
    }
    return spawned;
  }

  /** Forgets everything (the meet-up closed). */
  clear(): void {
    this.life.fill(0);
    this.backlog.fill(0);
    this.backlogTotal = 0;
    this.live = 0;
  }

  private spawn(): number {
    let spawned = 0;
    const { capacity, spawnPerFrame, lifeMs } = this.budget;
    while (spawned < spawnPerFrame && this.backlogTotal > 0 && this.live < capacity) {
      const kindIndex = this.nextKind();
      const slot = this.freeSlot();
      this.backlog[kindIndex]!--;
      this.backlogTotal--;
      // Rise from the bottom right, where the reactions bar is, drifting left and right.
      this.x[slot] = 0.75 + (this.random() - 0.5) * 0.3;
      this.y[slot] = 1;
      this.vx[slot] = (this.random() - 0.5) * 0.25;
      this.vy[slot] = -(0.35 + this.random() * 0.25);
      this.life[slot] = lifeMs * (0.75 + this.random() * 0.25);
      this.kind[slot] = kindIndex;
      this.live++;
      spawned++;
    }
    return spawned;
  }

  /** The kind with the most waiting, so a mixed storm shows in proportion. */
  private nextKind(): number {
    let best = 0;
    for (let k = 1; k < this.backlog.length; k++) if (this.backlog[k]! > this.backlog[best]!) best = k;
    return best;
  }

  private freeSlot(): number {
    const n = this.life.length;
    for (let tries = 0; tries < n; tries++) {
      const slot = (this.cursor + tries) % n;
      if (this.life[slot]! <= 0) {
        this.cursor = (slot + 1) % n;
        return slot;
      }
    }
    throw new Error('particle pool: no free slot although fewer than capacity are alive');
  }

  /** A small deterministic generator: no Math.random() allocations, and reproducible in tests. */
  private random(): number {
    this.seed = (this.seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return this.seed / 0x7fffffff;
  }
}
