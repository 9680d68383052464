// Socket event names and the payloads of requests and replies, with the protocol version.
import * as z from 'zod/mini';
import { FeedEventEnvelope } from './events';
import { ProjectSnapshot } from './project';
import { ProjectId } from './primitives';

/** Bumped on any change an older peer could misread; the server refuses clients of another version. */
export const PROTOCOL_VERSION = 1;

export const SOCKET_EVENTS = {
  /** client → server, with an ack: start (or resume) receiving a project's events. */
  subscribe: 'feed:subscribe',
  /** server → client: one event of a project's log. */
  event: 'feed:event',
} as const;

/** Most events the server replays on resume; further behind, it sends a snapshot instead. */
export const DEFAULT_MAX_RESUME_EVENTS = 500;

export const HandshakeAuth = z.object({ v: z.literal(PROTOCOL_VERSION), token: z.optional(z.string().check(z.maxLength(512))) });
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export const SubscribeRequest = z.strictObject({
  projectId: ProjectId,
  /** The last sequence the client applied; omitted when it holds nothing. */
  afterSeq: z.optional(z.int().check(z.gte(0))),
});
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

export const ERROR_CODES = ['invalid-request', 'not-found', 'rate-limited', 'unauthorized', 'forbidden', 'protocol-version', 'internal'] as const;
export const ProtocolError = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type ProtocolError = z.infer<typeof ProtocolError>;

export const SubscribeReply = z.discriminatedUnion('kind', [
  /** The events after `afterSeq`, in order: the client's state plus these is current. */
  // Each event is checked on its own by the client (see FeedEventEnvelope), so one of an unknown type
  // does not make the whole reply unreadable.
  z.object({ ok: z.literal(true), kind: z.literal('events'), events: z.array(FeedEventEnvelope) }),
  /** The client was too far behind (or new): replace its state with this. */
  z.object({ ok: z.literal(true), kind: z.literal('snapshot'), snapshot: ProjectSnapshot }),
  z.object({ ok: z.literal(false), kind: z.literal('error'), error: ProtocolError }),
]);
export type SubscribeReply = z.infer<typeof SubscribeReply>;
