// A real TCP load balancer for multi-node tests: round-robin over backends, no stickiness, and a backend that
// refuses a connection (killed, draining) is skipped for the next one, like nginx's passive `max_fails`.
// With websocket-only sockets each client is one TCP stream, so this is all a deployment needs.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpBalancer {
  url: string;
  port: number;
  /** Backend ports a connection was sent to, in order (for asserting where clients went). */
  readonly routed: number[];
  close(): Promise<void>;
}

export async function startTcpBalancer(backendPorts: number[]): Promise<TcpBalancer> {
  let next = 0;
  const routed: number[] = [];
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.pause();
    const tryBackend = (attemptsLeft: number) => {
      if (attemptsLeft === 0) return client.destroy();
      const port = backendPorts[next++ % backendPorts.length]!;
      const upstream = connect(port, '127.0.0.1');
      // Refused before connecting: this backend is down, try the next one.
      upstream.once('error', () => {
        upstream.destroy();
        tryBackend(attemptsLeft - 1);
      });
      upstream.once('connect', () => {
        routed.push(port);
        open.add(upstream);
        upstream.once('close', () => open.delete(upstream));
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(backendPorts.length);
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    routed,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
