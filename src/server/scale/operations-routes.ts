// The endpoints a load balancer and an operator's monitoring call on each node:
//   GET /healthz  liveness: the process answers (restart it if not)
//   GET /readyz   readiness: storage and Redis answer and the node is not draining (send it traffic if 200)
//   GET /metrics  Prometheus text (keep it off the public internet: see docs/deploy.md)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/respond';
import type { NodeMetrics } from './node-metrics';

export interface ReadinessCheck {
  name: string;
  /** Rejects when the dependency does not answer. */
  run(): Promise<void>;
}

export interface OperationsRoutesOptions {
  nodeId: string;
  metrics: NodeMetrics;
  checks: ReadinessCheck[];
  isDraining: () => boolean;
  /** A check slower than this fails. */
  checkTimeoutMs?: number;
  /** Readiness answers are reused this long, so a flood of probes does not become a flood of queries. */
  cacheMs?: number;
}

type Readiness = { ready: boolean; checks: Record<string, string> };

export function createOperationsRoutes(options: OperationsRoutesOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const timeoutMs = options.checkTimeoutMs ?? 2_000;
  let cached: { at: number; result: Promise<Readiness> } | undefined;

  async function runChecks(): Promise<Readiness> {
    const results = await Promise.all(
      options.checks.map(async (check): Promise<[string, string]> => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
          await Promise.race([
            check.run(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
            }),
          ]);
          return [check.name, 'ok'];
        } catch (err) {
          if (check.name === 'storage') options.metrics.storageErrors++;
          // The reason only (never a connection string): this answer is readable by anything that can reach it.
          return [check.name, `failing: ${err instanceof Error ? err.message : String(err)}`.slice(0, 200)];
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return { ready: results.every(([, state]) => state === 'ok'), checks: Object.fromEntries(results) };
  }

  function readiness(): Promise<Readiness> {
    const now = Date.now();
    if (!cached || now - cached.at > (options.cacheMs ?? 1_000)) cached = { at: now, result: runChecks() };
    return cached.result;
  }

  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/readyz' && path !== '/metrics') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: { code: 'method-not-allowed', message: 'use GET' } }, { allow: 'GET, HEAD' });
      return true;
    }
    if (path === '/healthz') {
      sendJson(res, 200, { ok: true, node: options.nodeId });
    } else if (path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
      res.end(options.metrics.render());
    } else if (options.isDraining()) {
      sendJson(res, 503, { ready: false, draining: true, node: options.nodeId });
    } else {
      readiness().then(
        (result) => sendJson(res, result.ready ? 200 : 503, { ...result, draining: false, node: options.nodeId }),
        () => sendJson(res, 503, { ready: false, node: options.nodeId }),
      );
    }
    return true;
  };
}
