// Per-caller meet-up limits that hold across nodes. The meet-up gateway limits each caller on its own node; a
// backer with the same token open on three nodes would get three times the allowance. This socket middleware
// runs before the gateway and charges the same callers against one Redis bucket per limit (the gateway's own
// figures), so the sum over every node stays within one allowance. Refusals look exactly like the gateway's.
import type { Server, Socket } from 'socket.io';
import { MEETUP_EVENTS, type ActionReply } from '../../protocol/meetup';
import type { Access } from '../access';
import type { MeetupLimits } from '../meetup/meetup-limits';
import type { RedisClient } from './redis-link';
import { RedisRateLimiter, type SharedRateLimiter } from './shared-rate-limiter';

export interface SharedMeetupLimitsOptions {
  client: RedisClient;
  limits: Pick<MeetupLimits, 'reactRateLimit' | 'askRateLimit' | 'upvoteRateLimit'>;
  onError?: (err: unknown) => void;
  /** Counted in /metrics. */
  onRefused?: () => void;
}

/** At most one error message a second per socket for refused reactions, as the gateway does. */
const REACT_ERROR_INTERVAL_MS = 1_000;

export function attachSharedMeetupLimits(io: Server, options: SharedMeetupLimitsOptions): void {
  const limiter = (name: string, limit: SharedMeetupLimitsOptions['limits']['reactRateLimit']): SharedRateLimiter =>
    new RedisRateLimiter(options.client, { name, limit, ...(options.onError ? { onError: options.onError } : {}) });
  const limited = new Map<string, { limiter: SharedRateLimiter; message: string }>([
    [MEETUP_EVENTS.react, { limiter: limiter('meetup-react', options.limits.reactRateLimit), message: 'too many reactions; they are counted at most a few times a second' }],
    [MEETUP_EVENTS.ask, { limiter: limiter('meetup-ask', options.limits.askRateLimit), message: 'one question at a time: wait a few seconds before asking again' }],
    [MEETUP_EVENTS.upvote, { limiter: limiter('meetup-upvote', options.limits.upvoteRateLimit), message: 'too many votes; slow down' }],
  ]);

  io.on('connection', (socket: Socket) => {
    let lastReactError = 0;
    socket.use((packet, next) => {
      const [name, payload, ack] = packet as [string, unknown, unknown];
      const rule = limited.get(name);
      const access = (socket.data as { access?: Access }).access;
      // Anonymous callers are refused by the gateway anyway; they have no caller id to share a bucket by.
      if (!rule || !access || access.kind === 'anonymous') return next();
      rule.limiter.take(access.callerId).then(
        (decision) => {
          if (decision.ok) return next();
          options.onRefused?.();
          const error = { code: 'rate-limited' as const, message: rule.message };
          if (typeof ack === 'function') return (ack as (reply: ActionReply) => void)({ ok: false, error });
          if (name === MEETUP_EVENTS.react && Date.now() - lastReactError >= REACT_ERROR_INTERVAL_MS) {
            lastReactError = Date.now();
            const meetupId = (payload as { meetupId?: unknown } | undefined)?.meetupId;
            socket.emit(MEETUP_EVENTS.error, { ...(typeof meetupId === 'string' ? { meetupId } : {}), event: name, error });
          }
        },
        () => next(), // the limiter already fell back to a local bucket; never hang a message
      );
    });
  });
}
