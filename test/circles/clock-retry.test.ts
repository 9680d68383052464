// The shared clock when joining at a busy moment: a server that answers the joining burst's clock samples late,
// all of the delay on the way back (as a server busy with many joins does), leaves every first sample off by half
// its round trip. The client keeps sampling every second until one comes back quickly, instead of living with the
// bad offset until the ten-second resync. A scripted socket.io server over real sockets makes the delay exact.
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircleClient } from '../../src/circles';
import { CIRCLE_EVENTS, type CircleReply } from '../../src/protocol/circle';
import { waitFor } from '../helpers/wait';

const SLOW_SAMPLES = 8;
const DELAY_MS = 300;
let io: Server;
let url: string;
const samples: number[] = [];

beforeAll(async () => {
  const http = createServer();
  io = new Server(http, { transports: ['websocket'] });
  io.on('connection', (socket) => {
    socket.on(CIRCLE_EVENTS.create, (_payload: unknown, ack: (reply: CircleReply) => void) => {
      const now = Date.now();
      const you = 'm_host00001';
      // The join's own answer is held up like the samples' (its server time is a clock sample too).
      setTimeout(() => ack({
        ok: true,
        you,
        memberKey: 'k'.repeat(32),
        serverTime: now,
        circle: {
          id: 'c_circle0001',
          code: 'ABCDEFGH',
          projectId: 'lantern-keeper',
          hostId: you,
          control: 'anyone',
          maxMembers: 50,
          members: [{ id: you, name: 'Ana', device: 'desktop', online: true, joinedAt: now }],
          playback: { locationId: 'backlot', playing: true, mediaTime: 0, at: now },
          rev: 1,
        },
      }), DELAY_MS);
    });
    socket.on(CIRCLE_EVENTS.clock, ({ t0 }: { t0: number }, ack: (reply: { t0: number; serverTime: number }) => void) => {
      samples.push(performance.now());
      const serverTime = Date.now();
      // The first samples' answers are held up after the server read its clock: the whole wait on the way back.
      if (samples.length <= SLOW_SAMPLES) setTimeout(() => ack({ t0, serverTime }), DELAY_MS);
      else ack({ t0, serverTime });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await io.close();
});

describe('the shared clock after a slow start', () => {
  it('samples again every second while every round trip so far was long, then settles to the resync', async () => {
    const client = new CircleClient({ url, token: () => undefined, name: () => 'Ana', device: 'desktop', socketOptions: { transports: ['websocket'] } });
    try {
      expect(await client.start({ projectId: 'lantern-keeper', locationId: 'backlot' })).toEqual({ ok: true });
      // The joining burst: six samples, every one slow, so the best is off by about half its round trip.
      await waitFor(() => samples.length >= 6 && client.clock.best && client.clock.best.rttMs >= DELAY_MS, 5_000, 'the slow joining burst');
      expect(Math.abs(client.clock.best!.offsetMs)).toBeGreaterThan(DELAY_MS / 2 - 50);
      // Then more, a second apart, until one comes back quickly: well before the 10 s resync.
      const best = await waitFor(() => client.clock.best && client.clock.best.rttMs < 60 && client.clock.best, 8_000, 'a quick sample');
      expect(Math.abs(best.offsetMs)).toBeLessThan(30);
      expect(samples.length).toBeGreaterThan(SLOW_SAMPLES);
      // Good enough now: back to one sample every ten seconds.
      const taken = samples.length;
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(samples.length - taken).toBeLessThanOrEqual(1);
    } finally {
      client.dispose();
    }
  });
});
