// A bare socket.io server that plays the server's part of the meet-up protocol from a script, for pushing
// exactly the replies and room messages (refusals, spotlights, malformed payloads) a test needs. It checks the
// handshake's token like the real server and records every message clients send.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { MEETUP_EVENTS, type JoinReply, type Meetup, type Question } from '../../src/protocol/meetup';
import { PROJECT_ID } from '../helpers/test-server';

export interface Received {
  event: string;
  payload: unknown;
  token: string | undefined;
}

export interface ScriptedMeetupServer {
  url: string;
  received: Received[];
  /** Sends a message to every connected socket. */
  emit(event: string, payload: unknown): void;
  sockets(): Socket[];
  close(): Promise<void>;
}

export interface Script {
  join?: (request: unknown, token: string | undefined) => unknown;
  /** Ask, upvote, moderate: the ack. */
  action?: (event: string, request: unknown, token: string | undefined) => unknown;
}

export const LIVE_MEETUP: Meetup = {
  id: 'meet-the-keeper',
  projectId: PROJECT_ID,
  title: { en: 'Meet the Keeper', 'zh-CN': '见面会' },
  star: { en: 'Lin Yue', 'zh-CN': '林悦' },
  scheduledStart: '2026-11-25T20:00:00.000Z',
  requiredTier: 'gold',
  state: 'live',
  startedAt: '2026-11-25T20:00:05.000Z',
  streamUrl: '/live/meet-the-keeper/k3y/index.m3u8',
};

export function question(id: string, votes: number, askedAt: string, status: Question['status'] = 'open'): Question {
  return { id, text: `question ${id}`, votes, status, askedAt };
}

export function joined(questions: Question[] = [], meetup: Meetup = LIVE_MEETUP): JoinReply {
  return { ok: true, meetup, audience: 12, totals: { heart: 3 }, questions, role: 'audience' };
}

export async function startScriptedMeetupServer(script: Script = {}): Promise<ScriptedMeetupServer> {
  const http = createServer();
  const io = new Server(http);
  // The stream pass the client asks for before its stage loads (POST /api/meetups/:id/stream-pass): always granted.
  http.on('request', (req, res) => {
    const pass = /^\/api\/meetups\/([^/]+)\/stream-pass$/.exec(req.url ?? '');
    if (!pass) return;
    const streamUrl = pass[1] === LIVE_MEETUP.id ? LIVE_MEETUP.streamUrl : `/live/${pass[1]}/master.m3u8`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ meetupId: pass[1], streamUrl, expiresAt: new Date(Date.now() + 600_000).toISOString(), ttlSeconds: 600 }));
  });
  const received: Received[] = [];
  io.on('connection', (socket) => {
    const token = (socket.handshake.auth as { token?: string }).token;
    socket.onAny((event: string, payload: unknown, ack?: (reply: unknown) => void) => {
      received.push({ event, payload, token });
      if (typeof ack !== 'function') return;
      if (event === MEETUP_EVENTS.join) ack(script.join ? script.join(payload, token) : joined());
      else ack(script.action ? script.action(event, payload, token) : { ok: true });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    received,
    emit: (event, payload) => io.emit(event, payload),
    sockets: () => [...io.sockets.sockets.values()],
    close: () => new Promise((resolve) => void io.close(() => resolve())),
  };
}
