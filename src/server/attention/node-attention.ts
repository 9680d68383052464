// One node's attention parts from its ScaleConfig: the aggregates in PostgreSQL when DATABASE_URL is set (else
// the SQLite file), and the live radar shared through Redis when REDIS_URL is set (else in process).
import type { SetVisitServerOptions } from '../create-server';
import type { RedisLink } from '../scale/redis-link';
import type { ScaleConfig } from '../scale/scale-config';
import type { AttentionStorage } from '../storage/attention-storage';
import { PostgresAttentionStorage } from '../storage/postgres-attention-storage';
import { SqliteAttentionStorage } from '../storage/sqlite-attention-storage';
import { RedisRadarState } from './redis-radar-state';

export async function openNodeAttention(
  scale: ScaleConfig,
  sqliteFile: string,
  redis: RedisLink | undefined,
  onError: () => void,
): Promise<{ storage: AttentionStorage; options: NonNullable<SetVisitServerOptions['attention']> }> {
  const storage = scale.databaseUrl
    ? await PostgresAttentionStorage.connect({ connectionString: scale.databaseUrl, poolSize: 2, onError })
    : new SqliteAttentionStorage(sqliteFile);
  return {
    storage,
    options: { storage, nodeId: scale.nodeId, ...(redis ? { radarState: new RedisRadarState(redis.client, onError) } : {}) },
  };
}
