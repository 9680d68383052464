// The reaction burst's particle pool: a storm is drawn within a fixed budget per frame, the backlog is capped,
// and particles die and free their slots. No canvas needed: the pool is the part that decides the cost.
import { describe, expect, it } from 'vitest';
import { ParticlePool } from '../../src/meetup/particle-pool';

describe('reaction particle pool', () => {
  it('spawns at most its per-frame budget however many reactions arrive at once', () => {
    const pool = new ParticlePool({ capacity: 100, spawnPerFrame: 6, maxBacklog: 240 });
    pool.add('heart', 5_000);
    expect(pool.waiting).toBe(240); // a storm is capped, not queued for minutes
    expect(pool.step(16)).toBe(6);
    expect(pool.alive).toBe(6);
    for (let frame = 0; frame < 30; frame++) expect(pool.step(16)).toBeLessThanOrEqual(6);
    expect(pool.alive).toBeLessThanOrEqual(100);
  });

  it('never holds more than its capacity alive', () => {
    const pool = new ParticlePool({ capacity: 20, spawnPerFrame: 50, maxBacklog: 500, lifeMs: 10_000 });
    pool.add('flower', 500);
    for (let frame = 0; frame < 10; frame++) pool.step(16);
    expect(pool.alive).toBe(20);
    expect(pool.waiting).toBe(480);
  });

  it('lets particles die after their life and reuses the slots', () => {
    const pool = new ParticlePool({ capacity: 10, spawnPerFrame: 10, maxBacklog: 100, lifeMs: 500 });
    pool.add('applause', 10);
    pool.step(16);
    expect(pool.alive).toBe(10);
    for (let t = 0; t < 600; t += 50) pool.step(50);
    expect(pool.alive).toBe(0);
    pool.add('wow', 3);
    pool.step(16);
    expect(pool.alive).toBe(3);
  });

  it('shows a mixed storm in proportion, the most-waiting kind first', () => {
    const pool = new ParticlePool({ capacity: 100, spawnPerFrame: 4, maxBacklog: 100 });
    pool.add('heart', 30);
    pool.add('laugh', 10);
    pool.step(16);
    const kinds = Array.from(pool.kind.slice(0, 4));
    expect(kinds.every((k) => k === 0)).toBe(true); // hearts (index 0) outnumber laughs
    expect(pool.waiting).toBe(36);
  });

  it('moves particles up from the bottom', () => {
    const pool = new ParticlePool({ capacity: 1, spawnPerFrame: 1 });
    pool.add('heart', 1);
    pool.step(0);
    const start = pool.y[0]!;
    pool.step(100);
    expect(pool.y[0]!).toBeLessThan(start);
  });

  it('ignores nonsense counts', () => {
    const pool = new ParticlePool();
    pool.add('heart', -3);
    pool.add('heart', Number.NaN);
    expect(pool.waiting).toBe(0);
  });
});
