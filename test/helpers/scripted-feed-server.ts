// A bare socket.io server that plays a scripted part of the feed protocol, for pushing exactly the
// events (malformed, duplicated, out of order) that the real server never sends.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { SOCKET_EVENTS, type FeedEvent, type SubscribeReply, type SubscribeRequest } from '../../src/protocol';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';

export interface ScriptedFeedServer {
  url: string;
  /** Every subscribe request received, in order. */
  subscribes: SubscribeRequest[];
  /** The connected client, once there is one. */
  socket(): Socket | undefined;
  emit(payload: unknown): void;
  close(): Promise<void>;
}

export function milestoneEvent(seq: number): FeedEvent {
  const at = new Date(Date.UTC(2026, 10, 25, 12, 0, seq)).toISOString();
  return {
    type: 'milestone',
    projectId: SAMPLE_PROJECT.id,
    seq,
    at,
    milestone: { id: `m-${seq}`, seq, kind: 'announcement', title: { en: `event ${seq}` }, occurredAt: at, receivedAt: at },
  };
}

/** `reply` answers each subscribe (it may take its time: a promise is awaited); by default a snapshot at seq 0. */
export async function startScriptedFeedServer(reply: (request: SubscribeRequest) => unknown = () => snapshotReply(0)): Promise<ScriptedFeedServer> {
  const http = createServer();
  const io = new Server(http);
  const subscribes: SubscribeRequest[] = [];
  let current: Socket | undefined;
  io.on('connection', (socket) => {
    current = socket;
    socket.on(SOCKET_EVENTS.subscribe, async (request: SubscribeRequest, ack: (reply: unknown) => void) => {
      subscribes.push(request);
      ack(await reply(request));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    subscribes,
    socket: () => current,
    emit: (payload) => current?.emit(SOCKET_EVENTS.event, payload),
    close: () => new Promise((resolve) => void io.close(() => resolve())),
  };
}

export function snapshotReply(seq: number): SubscribeReply {
  const milestones = Array.from({ length: seq }, (_, i) => milestoneEvent(i + 1)).flatMap((e) => (e.type === 'milestone' ? [e.milestone] : []));
  return { ok: true, kind: 'snapshot', snapshot: { project: SAMPLE_PROJECT, milestones, seq } };
}

export function eventsReply(fromSeq: number, toSeq: number): SubscribeReply {
  const events = Array.from({ length: toSeq - fromSeq + 1 }, (_, i) => milestoneEvent(fromSeq + i));
  return { ok: true, kind: 'events', events };
}
