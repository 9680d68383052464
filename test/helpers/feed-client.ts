// A real feed client (ProjectFeed over socket.io-client) in Node, with a logger that records what it says.
import { ProjectFeed } from '../../src/feed/project-feed';
import type { Logger } from '../../src/feed/logger';
import { createAppStore, type AppStore } from '../../src/store/app-store';
import { PROJECT_ID } from './test-server';

export interface RecordingLogger extends Logger {
  lines: { level: 'info' | 'warn' | 'error'; message: string; details?: Record<string, unknown> }[];
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  return {
    lines,
    info: (message, details) => lines.push({ level: 'info', message, details }),
    warn: (message, details) => lines.push({ level: 'warn', message, details }),
    error: (message, details) => lines.push({ level: 'error', message, details }),
  };
}

export interface TestFeedClient {
  feed: ProjectFeed;
  store: AppStore;
  logger: RecordingLogger;
  seqs(): number[];
}

export function startFeedClient(url: string, projectId = PROJECT_ID, offlineAfterMs?: number): TestFeedClient {
  const store = createAppStore();
  const logger = recordingLogger();
  const feed = new ProjectFeed({
    url,
    projectId,
    store,
    logger,
    subscribeTimeoutMs: 2_000,
    ...(offlineAfterMs !== undefined ? { offlineAfterMs } : {}),
    // Fast reconnects keep the tests short; the production defaults are slower with more jitter.
    socketOptions: { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 300 },
  });
  feed.start();
  return { feed, store, logger, seqs: () => store.getState().feed.data?.milestones.map((m) => m.seq) ?? [] };
}
