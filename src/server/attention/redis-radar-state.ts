// The live radar shared by several nodes: one Redis hash per location, one field per node holding that node's
// part (JSON, with its time). A reader sums the fresh fields; a node that died stops refreshing its field, which is
// then ignored and, with the key's short expiry, gone. A few writes per node and location a second.
import { REDIS_PREFIX, type RedisClient } from '../scale/redis-link';
import type { RadarPart, RadarState } from './live-radar';

const radarKeyOf = (key: string) => `${REDIS_PREFIX}attention:radar:${key}`;
/** A location nobody reports on any more disappears from Redis after this. */
const EXPIRE_MS = 10_000;

export class RedisRadarState implements RadarState {
  constructor(
    private readonly client: RedisClient,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  async publish(key: string, nodeId: string, part: RadarPart): Promise<void> {
    try {
      const redisKey = radarKeyOf(key);
      if (part.viewers === 0) await this.client.hDel(redisKey, nodeId);
      else await this.client.multi().hSet(redisKey, nodeId, JSON.stringify(part)).pExpire(redisKey, EXPIRE_MS).exec();
    } catch (err) {
      this.onError(err);
    }
  }

  async read(key: string, freshMs: number): Promise<RadarPart[]> {
    try {
      const fields = await this.client.hGetAll(radarKeyOf(key));
      const now = Date.now();
      return Object.values(fields)
        .map((text) => JSON.parse(text) as RadarPart)
        .filter((part) => now - part.at <= freshMs);
    } catch (err) {
      this.onError(err);
      return [];
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
