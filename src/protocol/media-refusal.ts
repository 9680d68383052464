// Why a media request (a tour file, a playlist, a segment, a caption, a meet-up's stream) was refused, as the server
// says it: a 401/403/410 answer whose JSON body is `{ error: { code, message } }` with one of these codes. The codes
// depend on the request's pass alone, never on what is behind the path, so a refusal tells nothing about whether
// hidden content exists. The client shows each reason with the action that helps.

/** The server's refusal codes and the reason each one means for the viewer. */
export const MEDIA_REFUSALS = {
  /** No pass covers the path (none sent, or the browser dropped it at its expiry). */
  'media-pass-needed': 'pass',
  /** A genuine pass for the path, past its expiry. */
  'media-pass-expired': 'pass',
  /** Something that claims to be a pass but is not one this server signed. */
  'media-pass-invalid': 'pass',
  /** A meet-up's live stream asked for after the meet-up ended. */
  'stream-ended': 'ended',
  /** A genuine stream pass for a key the host has revoked. */
  'stream-key-revoked': 'key',
} as const;

export type MediaRefusalCode = keyof typeof MEDIA_REFUSALS;
/** `pass`: the pass is gone (enter the code again); `ended`: the meet-up has ended; `key`: the host closed the stream. */
export type MediaRefusal = (typeof MEDIA_REFUSALS)[MediaRefusalCode];

/** The statuses a refusal answers with (a CDN edge in front may answer them without the body). */
export function isRefusalStatus(status: number): boolean {
  return status === 401 || status === 403 || status === 410;
}

/**
 * The reason a refused answer gives: its code, read from the body; a refusal without a known code (a CDN edge's own
 * 403) is a missing pass. Null when the answer is no refusal at all.
 */
export function refusalOf(status: number, body: unknown): MediaRefusal | null {
  if (!isRefusalStatus(status)) return null;
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(MEDIA_REFUSALS, code) ? MEDIA_REFUSALS[code as MediaRefusalCode] : 'pass';
}
