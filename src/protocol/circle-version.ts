// The circle messages' own version, in a file of its own so that every circle message file (circle.ts,
// circle-chat.ts) checks the same one without importing each other.
import * as z from 'zod/mini';

/**
 * Carried by every create, join, reaction and message: a server refuses any other with `protocol-version` (the
 * feed's handshake version still applies to the socket itself).
 * v2 added meet-ups watched as a circle (`playback.live`, the `meetup` control, `circle:meetup-entry`). A v1 member
 * is still let in, but is never taken into a meet-up: the entry notice refuses them with the reason to update.
 */
export const CIRCLE_PROTOCOL_VERSION = 2;
/** Versions a server still takes. */
export const CIRCLE_PROTOCOL_VERSIONS = [1, 2] as const;
export const CircleProtocolVersion = z.union([z.literal(CIRCLE_PROTOCOL_VERSIONS[0]), z.literal(CIRCLE_PROTOCOL_VERSIONS[1])]);

/** Whether a request's `v` is one this server takes. */
export function isCircleProtocolVersion(v: unknown): boolean {
  return (CIRCLE_PROTOCOL_VERSIONS as readonly unknown[]).includes(v);
}
