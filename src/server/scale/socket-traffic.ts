// Counts what this node writes to its sockets, for /metrics: connections, packets, distinct feed events and
// their lag (the event's stored-at time to the moment this node writes it, wherever it was posted). A
// broadcast hands every socket the same encoded string, so each event is parsed once, not once per socket.
import type { Server } from 'socket.io';
import { SOCKET_EVENTS } from '../../protocol';
import type { NodeMetrics } from './node-metrics';

interface EnginePacket {
  type: string;
  data?: unknown;
}

interface EngineConnection {
  on(event: 'packetCreate', listener: (packet: EnginePacket) => void): void;
}

export function observeSocketTraffic(io: Server, metrics: NodeMetrics, now: () => number = Date.now): void {
  // socket.io EVENT packets on the default namespace: `2["name",…]` (engine.io adds its own type digit later).
  const feedEventPrefix = `2["${SOCKET_EVENTS.event}",`;
  let lastEncoded: unknown;
  io.engine.on('connection', (connection: EngineConnection) => {
    metrics.connectionsAccepted++;
    connection.on('packetCreate', (packet) => {
      if (packet.type !== 'message') return;
      metrics.packetsSent++;
      if (packet.data === lastEncoded) return;
      lastEncoded = packet.data;
      if (typeof packet.data !== 'string' || !packet.data.startsWith(feedEventPrefix)) return;
      // The envelope's "at" comes before the milestone's own fields (build-event.ts), so the first match is it.
      const at = /"at":"([^"]+)"/.exec(packet.data)?.[1];
      const storedAt = at ? Date.parse(at) : NaN;
      if (Number.isFinite(storedAt)) metrics.recordFeedLag(Math.max(0, now() - storedAt) / 1000);
    });
  });
}
