// Graceful shutdown of one node among several: readiness turns 503 first so the load balancer stops sending
// new clients, then the node stops listening and closes its sockets' transports a slice at a time. Closing
// the transport (not a socket.io "server disconnect", after which clients stay away) makes each client
// reconnect at once through the load balancer to another node, where the Redis Streams adapter can restore
// its session and the feed's resync by sequence number covers whatever it cannot.
import type { SetVisitServer } from '../create-server';
import type { ServerLog } from '../server-log';

export interface DrainOptions {
  /** How long readiness fails before sockets are touched (the load balancer's detection time). */
  graceMs: number;
  /** Over how long the sockets are closed, so they do not all reconnect in the same instant. */
  drainMs: number;
  log: ServerLog;
}

interface EngineConnection {
  close(): void;
}

export class NodeDrain {
  private started: Promise<void> | undefined;

  get draining(): boolean {
    return this.started !== undefined;
  }

  /** Starts draining (once); resolves when every socket is gone and the server is closed. */
  drain(server: SetVisitServer, options: DrainOptions): Promise<void> {
    this.started ??= run(server, options);
    return this.started;
  }
}

async function run(server: SetVisitServer, options: DrainOptions): Promise<void> {
  const { io, http } = server;
  options.log.notice('draining', { sockets: io.engine.clientsCount, graceMs: options.graceMs, drainMs: options.drainMs });
  await sleep(options.graceMs);
  // No new TCP connections; idle keep-alive ones go now, busy ones after their answer.
  http.close();
  http.closeIdleConnections();
  // engine.io keeps its connections in a map that its types mark protected; every transport is in it.
  const connections = Object.values((io.engine as unknown as { clients: Record<string, EngineConnection> }).clients);
  const slices = Math.max(1, Math.min(connections.length, Math.ceil(options.drainMs / 100)));
  const perSlice = Math.ceil(connections.length / slices);
  for (let i = 0; i < connections.length; i += perSlice) {
    for (const connection of connections.slice(i, i + perSlice)) connection.close();
    if (i + perSlice < connections.length) await sleep(options.drainMs / slices);
  }
  const deadline = Date.now() + 5_000;
  while (io.engine.clientsCount > 0 && Date.now() < deadline) await sleep(50);
  options.log.notice('drained', { socketsLeft: io.engine.clientsCount });
  await server.close();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
