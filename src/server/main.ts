// `npm start`: the whole demo from one process — built app, sample media, feed and ingest API.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readEnvironment, type EnvironmentConfig } from './config';
import { createSetVisitServer } from './create-server';
import { DEMO_BACKER_TOKENS, SAMPLE_PROJECT, seedSampleMeetup, seedSampleProject } from './sample-project';
import { createServerLog } from './server-log';
import { readMediaAccessEnvironment } from './media-access';
import { NodeMetrics } from './scale/node-metrics';
import { RedisRateLimiter } from './scale/shared-rate-limiter';
import type { RateLimit } from './rate-limiter';
import { openNodeAttention } from './attention/node-attention';
import { attachNodeOperations, createNodeRoomState, openNodeCircleStorage, openNodeMeetupStorage, openNodePairingStorage, openNodeStorage, openRedisLink } from './scale/node-runtime';

const root = resolve(import.meta.dirname, '../..');
let config: EnvironmentConfig;
let media: ReturnType<typeof readMediaAccessEnvironment>;
try {
  config = readEnvironment(process.env);
  media = readMediaAccessEnvironment(process.env);
} catch (err) {
  console.error(String(err instanceof Error ? err.message : err));
  process.exit(2);
}
const dataFile = resolve(root, config.dataFile);
const appDir = resolve(root, config.appDir);
const operatorToken = config.operatorToken ?? randomBytes(24).toString('base64url');
const log = createServerLog(config.quiet);

if (!existsSync(resolve(appDir, 'index.html'))) {
  console.error(`No built app in ${appDir}: run \`npm run build\` first (npm start does it for you).`);
  process.exit(2);
}

const metrics = new NodeMetrics(config.scale.nodeId);
let storage: Awaited<ReturnType<typeof openNodeStorage>>['storage'];
let engine: string;
let redis: Awaited<ReturnType<typeof openRedisLink>>;
let meetupStorage: Awaited<ReturnType<typeof openNodeMeetupStorage>>;
let attention: Awaited<ReturnType<typeof openNodeAttention>>;
let circleStorage: Awaited<ReturnType<typeof openNodeCircleStorage>>;
let pairingStorage: Awaited<ReturnType<typeof openNodePairingStorage>>;
try {
  ({ storage, engine } = await openNodeStorage(config.scale, dataFile, metrics, log));
  meetupStorage = await openNodeMeetupStorage(config.scale, dataFile, metrics);
  circleStorage = await openNodeCircleStorage(config.scale, dataFile, metrics);
  pairingStorage = await openNodePairingStorage(config.scale, dataFile, metrics);
  redis = await openRedisLink(config.scale, metrics, log);
  attention = await openNodeAttention(config.scale, dataFile, redis, () => metrics.storageErrors++);
} catch (err) {
  // The reason only: DATABASE_URL and REDIS_URL may hold passwords.
  console.error(`Could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
await seedSampleProject(storage);
const meetupRoomState = createNodeRoomState(redis, config.scale, metrics);
const demoMeetup = await seedSampleMeetup(meetupStorage);
// With Redis every node counts against the same HTTP and handshake buckets (a client cannot multiply its
// allowance by the number of nodes); if Redis fails, each node falls back to its own bucket.
const sharedLimits = redis?.client;
const rateLimiters = sharedLimits
  ? (name: string, limit: RateLimit) => new RedisRateLimiter(sharedLimits, { name, limit, onError: () => metrics.redisErrors++ })
  : undefined;
const server = createSetVisitServer({
  storage,
  operatorToken,
  allowedOrigins: config.allowedOrigins,
  limits: config.limits,
  files: { appDir, scenesDir: resolve(root, 'scenes') },
  log,
  meetups: meetupStorage,
  circles: circleStorage,
  pairings: pairingStorage,
  ...(meetupRoomState ? { meetupRoomState } : {}),
  ...(redis ? { adapter: redis.adapter } : {}),
  ...(rateLimiters ? { rateLimiters } : {}),
  transports: config.scale.transports,
  media,
  attention: attention.options,
});
if (redis && !media.keys) log.warn('several nodes need the same SETVISIT_MEDIA_KEYS: a media pass made on one node is refused by the others', {});
const operations = attachNodeOperations(server, { storage, redis, scale: config.scale, metrics, log });
const boundPort = await server.listen(config.port, config.host);
log.notice('listening', {
  port: boundPort,
  node: config.scale.nodeId,
  storage: engine === 'sqlite' ? dataFile : 'postgres',
  redis: Boolean(redis),
  transports: config.scale.transports.join(','),
});

const base = `http://localhost:${boundPort}`;
const project = SAMPLE_PROJECT.id;
console.info(`
SetVisit is running.

  Desktop tour:     ${base}/?project=${project}
  TV (remote keys): ${base}/?project=${project}&mode=tv
  VR headset:       ${base}/?project=${project}&mode=xr
  Operator console: ${base}/?project=${project}&mode=host   (meet-ups, questions, milestones; asks for the token)
  中文界面:          ${base}/?project=${project}&lang=zh-CN
  Project snapshot: ${base}/api/projects/${project}

  Operator token:   ${config.operatorToken ? '(from SETVISIT_OPERATOR_TOKEN)' : operatorToken + '   (generated; set SETVISIT_OPERATOR_TOKEN to choose one)'}
  Demo backer codes: ${Object.entries(DEMO_BACKER_TOKENS).map(([token, grant]) => `${token} (${grant.tier})`).join(', ')}

  Backers-only location: "Video village" (the director's monitors) is for supporter backers and up. Without a code it
    shows a lock naming the tier; type demo-supporter at the lock (or in any backer-code form) to open it.

  Post a milestone:
    export SETVISIT_OPERATOR_TOKEN=${config.operatorToken ? '…' : operatorToken}
    npm run operator -- milestone add --kind scene-wrapped --en "Scene 45 wrapped" --zh "第 45 场杀青"
  or with curl:
    curl -X POST -H "Authorization: Bearer $SETVISIT_OPERATOR_TOKEN" -H 'Content-Type: application/json' \\
      -d '{"kind":"scene-wrapped","title":{"en":"Scene 45 wrapped","zh-CN":"第 45 场杀青"}}' \\
      ${base}/api/projects/${project}/milestones

  Star meet-up "${demoMeetup.id}" (${demoMeetup.state}; gold and up: demo-gold gets in, demo-supporter is refused):
    ${base}/api/meetups/${demoMeetup.id}
    start it: curl -X POST -H "Authorization: Bearer $SETVISIT_OPERATOR_TOKEN" ${base}/api/meetups/${demoMeetup.id}/start
    end it:   curl -X POST -H "Authorization: Bearer $SETVISIT_OPERATOR_TOKEN" ${base}/api/meetups/${demoMeetup.id}/end
`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  // Readiness fails, sockets move to other nodes a slice at a time, then the server closes (scale/drain.ts).
  await operations.drain();
  await meetupRoomState?.close();
  await redis?.close();
  await storage.close();
  await meetupStorage.close();
  await attention.storage.close();
  await circleStorage.close();
  await pairingStorage.close();
  metrics.dispose();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
