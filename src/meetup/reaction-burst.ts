// Draws reactions as a particle burst on one 2D canvas: each kind's shape is rendered once to a small sprite,
// then every frame is one clear and one drawImage per living particle. The loop runs only while particles are
// alive or waiting, so an idle meet-up costs nothing per frame.
import { REACTION_KINDS, type ReactionKind } from '../protocol/meetup';
import { ParticlePool, type ParticleBudget } from './particle-pool';
import { REACTION_SHAPES } from './reaction-shapes';

/** What the last frames cost, for the stats overlay and the benchmark. */
export interface BurstFrameStats {
  frames: number;
  /** Milliseconds of main-thread work in the last frame (step + draw). */
  lastFrameMs: number;
  /** The most any frame took so far. */
  maxFrameMs: number;
  drawnLastFrame: number;
}

export class ReactionBurst {
  readonly pool: ParticlePool;
  readonly stats: BurstFrameStats = { frames: 0, lastFrameMs: 0, maxFrameMs: 0, drawnLastFrame: 0 };
  private readonly context: CanvasRenderingContext2D | null;
  private readonly sprites: HTMLCanvasElement[];
  private readonly spriteSize: number;
  private handle = 0;
  private lastTime = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    budget: Partial<ParticleBudget> = {},
  ) {
    this.pool = new ParticlePool(budget);
    this.context = canvas.getContext('2d');
    this.spriteSize = 32;
    this.sprites = REACTION_KINDS.map((kind) => this.makeSprite(kind));
  }

  /** Shows `count` reactions of `kind` (queued within the pool's budget). */
  add(kind: ReactionKind, count: number): void {
    this.pool.add(kind, count);
    if (!this.handle) {
      this.lastTime = performance.now();
      this.handle = requestAnimationFrame(this.frame);
    }
  }

  dispose(): void {
    cancelAnimationFrame(this.handle);
    this.handle = 0;
    this.pool.clear();
  }

  private readonly frame = (now: number): void => {
    const started = performance.now();
    this.pool.step(now - this.lastTime);
    this.lastTime = now;
    this.draw();
    const spent = performance.now() - started;
    this.stats.frames++;
    this.stats.lastFrameMs = spent;
    this.stats.maxFrameMs = Math.max(this.stats.maxFrameMs, spent);
    this.handle = this.pool.alive > 0 || this.pool.waiting > 0 ? requestAnimationFrame(this.frame) : 0;
  };

  private draw(): void {
    const ctx = this.context;
    if (!ctx) return;
    const { canvas, pool, spriteSize } = this;
    // Match the backing store to the element's size only when it changed (a resize costs a reallocation).
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    ctx.clearRect(0, 0, width, height);
    let drawn = 0;
    const lifeMs = pool.budget.lifeMs;
    for (let i = 0; i < pool.life.length; i++) {
      const life = pool.life[i]!;
      if (life <= 0) continue;
      ctx.globalAlpha = Math.min(1, (life / lifeMs) * 2);
      ctx.drawImage(this.sprites[pool.kind[i]!]!, pool.x[i]! * width - spriteSize / 2, pool.y[i]! * height - spriteSize / 2);
      drawn++;
    }
    ctx.globalAlpha = 1;
    this.stats.drawnLastFrame = drawn;
  }

  private makeSprite(kind: ReactionKind): HTMLCanvasElement {
    const sprite = document.createElement('canvas');
    sprite.width = sprite.height = this.spriteSize;
    const ctx = sprite.getContext('2d');
    if (ctx) {
      ctx.scale(this.spriteSize / 32, this.spriteSize / 32);
      for (const part of REACTION_SHAPES[kind]) {
        ctx.fillStyle = part.fill;
        ctx.fill(new Path2D(part.d));
      }
    }
    return sprite;
  }
}
