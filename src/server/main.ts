// `npm start`: the whole demo from one process — built app, sample media, feed and ingest API.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_DATA_FILE, DEFAULT_PORT } from './config';
import { createSetVisitServer } from './create-server';
import { SAMPLE_PROJECT, seedSampleProject } from './sample-project';
import { createServerLog } from './server-log';
import { SqliteFeedStorage } from './storage/sqlite-storage';

const root = resolve(import.meta.dirname, '../..');
const env = process.env;
const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
const host = env.HOST ?? '0.0.0.0';
const dataFile = resolve(root, env.SETVISIT_DB ?? DEFAULT_DATA_FILE);
const appDir = resolve(root, env.SETVISIT_APP_DIR ?? 'dist');
const generatedToken = !env.SETVISIT_OPERATOR_TOKEN;
const operatorToken = env.SETVISIT_OPERATOR_TOKEN ?? randomBytes(24).toString('base64url');
const log = createServerLog(env.SETVISIT_QUIET === '1');

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${env.PORT}"`);
  process.exit(2);
}
if (!existsSync(resolve(appDir, 'index.html'))) {
  console.error(`No built app in ${appDir}: run \`npm run build\` first (npm start does it for you).`);
  process.exit(2);
}

const storage = new SqliteFeedStorage(dataFile);
await seedSampleProject(storage);
const server = createSetVisitServer({ storage, operatorToken, files: { appDir, scenesDir: resolve(root, 'scenes') }, log });
const boundPort = await server.listen(port, host);
log.info('listening', { port: boundPort, dataFile });

const base = `http://localhost:${boundPort}`;
const project = SAMPLE_PROJECT.id;
console.info(`
SetVisit is running.

  Desktop tour:     ${base}/?project=${project}
  中文界面:          ${base}/?project=${project}&lang=zh-CN
  Project snapshot: ${base}/api/projects/${project}

  Operator token:   ${generatedToken ? operatorToken + '   (generated; set SETVISIT_OPERATOR_TOKEN to choose one)' : '(from SETVISIT_OPERATOR_TOKEN)'}

  Post a milestone:
    TOKEN=${generatedToken ? operatorToken : '"$SETVISIT_OPERATOR_TOKEN"'}
    curl -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
      -d '{"kind":"scene-wrapped","title":{"en":"Scene 45 wrapped","zh-CN":"第 45 场杀青"}}' \\
      ${base}/api/projects/${project}/milestones
`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  await server.close();
  await storage.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
