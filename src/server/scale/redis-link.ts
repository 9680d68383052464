// One node's connection to Redis: the socket.io Redis Streams adapter (broadcasts reach every node's sockets,
// and a dropped client's session can be restored on another node) and a client for shared counters and rate
// limits. Redis is an existing, proven broker; nothing here relays messages by hand.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisLink {
  readonly client: RedisClient;
  /** For `new Server(…, { adapter })`. */
  readonly adapter: ReturnType<typeof createAdapter>;
  /** Rejects when Redis does not answer a PING within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface RedisLinkOptions {
  url: string;
  /** Counted in /metrics; Redis reconnects by itself meanwhile. */
  onError: (err: Error) => void;
  /** How long the first connection may take before the node gives up starting. */
  connectTimeoutMs?: number;
}

/** Keys this server writes, so a shared Redis can be inspected (and cleaned) by prefix. */
export const REDIS_PREFIX = 'setvisit:';

export async function connectRedisLink(options: RedisLinkOptions): Promise<RedisLink> {
  let connectedOnce = false;
  const client = createClient({
    url: options.url,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 10_000,
      // After a drop, keep trying (capped backoff). At start, a few quick tries, then fail with the reason:
      // a node that cannot reach Redis must not report itself ready.
      reconnectStrategy: (retries, cause) =>
        connectedOnce || retries < 3 ? Math.min(100 * 2 ** retries, 2_000) : cause,
    },
  });
  client.on('ready', () => (connectedOnce = true));
  let lastError: Error | undefined;
  client.on('error', (err: Error) => {
    lastError = err;
    options.onError(err);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`could not connect to Redis within ${options.connectTimeoutMs ?? 10_000} ms`)), options.connectTimeoutMs ?? 10_000);
      }),
    ]);
  } catch (err) {
    if (client.isOpen) client.destroy();
    // connect() itself only says "the client is closed"; the socket's own error says why.
    const reason = lastError ?? (err instanceof Error ? err : new Error(String(err)));
    throw new Error(`could not connect to Redis: ${reason.message}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
  const adapter = createAdapter(client, {
    streamName: `${REDIS_PREFIX}socket.io`,
    sessionKeyPrefix: `${REDIS_PREFIX}sio-session:`,
    channelPrefix: `${REDIS_PREFIX}socket.io`,
    // Broadcasts kept in the stream for recovering sessions; at 100 events/s this covers well over a minute.
    maxLen: 10_000,
  });
  return {
    client,
    adapter,
    async ping(timeoutMs = 2_000) {
      let pingTimer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          client.ping(),
          new Promise((_, reject) => {
            pingTimer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
      } finally {
        clearTimeout(pingTimer);
      }
    },
    async close() {
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}
