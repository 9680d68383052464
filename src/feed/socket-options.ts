// The socket.io client settings every SetVisit connection shares (the feed's and a meet-up's), so that a
// deployment change (websocket-only nodes) or a reconnect policy is decided once.
import type { ManagerOptions } from 'socket.io-client';

export const SHARED_SOCKET_OPTIONS = {
  reconnectionDelay: 1_000,
  reconnectionDelayMax: 10_000,
  randomizationFactor: 0.5,
  // A server deployed websocket-only (SETVISIT_TRANSPORTS=websocket, several nodes without sticky sessions)
  // refuses the long-polling handshake: go straight on to websocket instead of failing the connection.
  tryAllTransports: true,
  // Named so that "all" stops at websocket: the default list ends with WebTransport, which the server does not
  // offer and whose failed handshake Chromium reports as an uncaught error, slowing every reconnect attempt.
  transports: ['polling', 'websocket'],
} satisfies Partial<ManagerOptions>;
