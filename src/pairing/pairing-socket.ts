// What the TV's and the phone's pairing clients share: one socket to the server (the feed's handshake, the shared
// reconnect policy), requests with an ack and a deadline, a refusal as the client shows it, and a snapshot that
// views subscribe to.
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { SHARED_SOCKET_OPTIONS } from '../feed/socket-options';
import { PROTOCOL_VERSION, type HandshakeAuth } from '../protocol';
import type { PairingRefusal, PairingRefusalReason } from '../protocol/pairing';

export interface PairingRefusalNotice {
  reason: PairingRefusalReason;
  /** The server's own words (English), for logs and tests; views show the reason in the page's language. */
  message: string;
}

export interface PairingSocketOptions {
  /** Server origin; '' or omitted: the page's own. */
  url?: string;
  /** The backer code the socket signs in with, read at every (re)connect (none on a phone). */
  token?: () => string | undefined;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
  /** How long a request waits for its answer. */
  replyTimeoutMs?: number;
}

export function openPairingSocket(options: PairingSocketOptions): Socket {
  return io(options.url ?? '', {
    ...SHARED_SOCKET_OPTIONS,
    autoConnect: false,
    auth: (cb: (auth: HandshakeAuth) => void) => {
      const token = options.token?.();
      cb({ v: PROTOCOL_VERSION, ...(token ? { token } : {}) });
    },
    ...options.socketOptions,
  });
}

/** A request's answer, or a refusal notice: a lost connection or a reply that does not parse is `invalid` too. */
export async function askPairing<T extends { ok: true }>(
  socket: Socket,
  event: string,
  payload: unknown,
  schema: { safeParse(v: unknown): { success: true; data: T | PairingRefusal } | { success: false } },
  timeoutMs: number,
): Promise<T | { ok: false; refusal: PairingRefusalNotice }> {
  try {
    const parsed = schema.safeParse(await socket.timeout(timeoutMs).emitWithAck(event, payload));
    if (!parsed.success) return { ok: false, refusal: { reason: 'invalid', message: 'the server’s answer could not be read' } };
    if (parsed.data.ok) return parsed.data;
    const refused = parsed.data;
    return { ok: false, refusal: { reason: refused.reason, message: refused.error.message } };
  } catch {
    return { ok: false, refusal: { reason: 'invalid', message: 'no answer from the server: check the connection' } };
  }
}

/** A value views subscribe to: told at once, then after every change. */
export class Snapshot<S> {
  private readonly listeners = new Set<(s: S) => void>();

  constructor(private value: S) {}

  get current(): S {
    return this.value;
  }

  set(next: S): void {
    this.value = next;
    for (const listener of this.listeners) listener(next);
  }

  subscribe(listener: (s: S) => void): () => void {
    this.listeners.add(listener);
    listener(this.value);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.listeners.clear();
  }
}
