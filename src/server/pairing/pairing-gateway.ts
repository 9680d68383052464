// The socket side of pairings, on the feed's socket.io server (whose handshake has already resolved who the caller
// is, and whose per-socket limit already counts every message). It refuses oversize messages and floods with a
// reason before any handler runs, answers every request through its ack, and sweeps expired pairings.
import type { Server, Socket } from 'socket.io';
import { MAX_PAIRING_MESSAGE_CHARS, PAIRING_EVENTS, type PairingRefusal } from '../../protocol/pairing';
import { RateLimiter } from '../rate-limiter';
import type { AccessResolver } from '../access';
import type { ServerLog } from '../server-log';
import type { PairingStorage } from '../storage/pairing-storage';
import type { PairingLimits } from './pairing-limits';
import { PairingRefused } from './pairing-refusal';
import { createPairingService } from './pairing-service';

export interface PairingGatewayOptions {
  storage: PairingStorage;
  access: AccessResolver;
  limits: PairingLimits;
  log: ServerLog;
  now?: () => number;
}

export interface PairingGatewayStats {
  offers: number;
  joins: number;
  refused: number;
  rateLimited: number;
}

export interface PairingGateway {
  readonly stats: PairingGatewayStats;
  /** One expiry sweep now (also run every `expirySweepMs`). */
  sweep(): Promise<number>;
  close(): void;
}

/** The events a client may send; the feed's gateway lets these through to us. */
export const PAIRING_CLIENT_EVENTS = [PAIRING_EVENTS.offer, PAIRING_EVENTS.join, PAIRING_EVENTS.backer, PAIRING_EVENTS.react, PAIRING_EVENTS.point, PAIRING_EVENTS.ask, PAIRING_EVENTS.circle, PAIRING_EVENTS.revoke];
const CLIENT_EVENTS = new Set<string>(PAIRING_CLIENT_EVENTS);
/** Requests that try a code (a pairing code, a backer code, a circle's code): also counted per address. */
const ENTERING = new Set<string>([PAIRING_EVENTS.offer, PAIRING_EVENTS.join, PAIRING_EVENTS.backer, PAIRING_EVENTS.circle]);

export function attachPairingGateway(io: Server, options: PairingGatewayOptions): PairingGateway {
  const service = createPairingService(io, options);
  const { limits, log } = options;
  const stats: PairingGatewayStats = { offers: 0, joins: 0, refused: 0, rateLimited: 0 };
  const messages = new RateLimiter(limits.messageRateLimit);
  const entering = new RateLimiter(limits.enterRateLimit);
  const reactions = new RateLimiter(limits.reactionRateLimit);
  const points = new RateLimiter(limits.pointRateLimit);
  const questions = new RateLimiter(limits.askRateLimit);

  io.on('connection', (socket) => {
    socket.use(([name, payload, ack], next) => {
      const event = String(name);
      if (!CLIENT_EVENTS.has(event)) return next();
      const refuse = (refused: PairingRefused) => {
        stats.refused++;
        if (typeof ack === 'function') (ack as (reply: PairingRefusal) => void)(refused.toReply());
      };
      if (!fitsSize(payload)) return refuse(new PairingRefused('oversize', 'invalid-request', `a pairing message may be at most ${MAX_PAIRING_MESSAGE_CHARS} characters`));
      // A drag on the phone points a few times a second: points have their own limit instead of the messages'.
      const limited =
        event === PAIRING_EVENTS.point
          ? !points.take(socket.id).ok
          : !messages.take(socket.id).ok ||
            (ENTERING.has(event) && !entering.take(socket.handshake.address).ok) ||
            (event === PAIRING_EVENTS.react && !reactions.take(socket.id).ok) ||
            (event === PAIRING_EVENTS.ask && !questions.take(socket.id).ok);
      if (!limited) return next();
      stats.rateLimited++;
      const why = ENTERING.has(event) ? 'too many tries from here: wait a minute and try again' : event === PAIRING_EVENTS.ask ? 'one question at a time: wait a few seconds before asking again' : 'too many messages: slow down';
      refuse(new PairingRefused('flood', 'rate-limited', why));
    });
    handle(socket, PAIRING_EVENTS.offer, async (p) => {
      const reply = await service.offer(socket, p);
      stats.offers++;
      return reply;
    });
    handle(socket, PAIRING_EVENTS.join, async (p) => {
      const reply = await service.join(socket, p);
      stats.joins++;
      return reply;
    });
    handle(socket, PAIRING_EVENTS.backer, (p) => service.backer(socket, p));
    handle(socket, PAIRING_EVENTS.react, (p) => service.react(socket, p));
    handle(socket, PAIRING_EVENTS.point, (p) => service.point(socket, p));
    handle(socket, PAIRING_EVENTS.ask, (p) => service.ask(socket, p));
    handle(socket, PAIRING_EVENTS.circle, (p) => service.circle(socket, p));
    handle(socket, PAIRING_EVENTS.revoke, (p) => service.revoke(socket, p));
    socket.on('disconnect', () => {
      messages.forget(socket.id);
      reactions.forget(socket.id);
      points.forget(socket.id);
      questions.forget(socket.id);
      service.disconnected(socket).catch((err: unknown) => log.error('pairing disconnect failed', { error: String(err) }));
    });
  });

  /** Every request has an ack (one without is counted and dropped); a refusal answers its reason. */
  function handle<T>(socket: Socket, event: string, handler: (payload: unknown) => Promise<T>) {
    socket.on(event, (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return void stats.refused++;
      const reply = ack as (reply: T | PairingRefusal) => void;
      handler(payload).then(reply, (err: unknown) => {
        stats.refused++;
        if (err instanceof PairingRefused) return reply(err.toReply());
        log.error(`${event} failed`, { error: String(err) });
        reply({ ok: false, reason: 'invalid', error: { code: 'internal', message: 'the server could not do that; try again' } });
      });
    });
  }

  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    service
      .sweep()
      .catch((err: unknown) => log.warn('pairing expiry sweep failed', { error: String(err) }))
      .finally(() => (sweeping = false));
  }, limits.expirySweepMs);
  timer.unref();

  return { stats, sweep: () => service.sweep(), close: () => clearInterval(timer) };
}

/** Measured as JSON, the way it came: a payload that cannot be serialized is no pairing message either. */
function fitsSize(payload: unknown): boolean {
  try {
    return (JSON.stringify(payload) ?? '').length <= MAX_PAIRING_MESSAGE_CHARS;
  } catch {
    return false;
  }
}
