// A pairing request the server said no to: the reason the client shows, and the generic protocol error code.
import type { ProtocolError } from '../../protocol';
import type { PairingRefusal, PairingRefusalReason } from '../../protocol/pairing';

export class PairingRefused extends Error {
  constructor(
    readonly reason: PairingRefusalReason,
    readonly code: ProtocolError['code'],
    message: string,
  ) {
    super(message);
  }

  toReply(): PairingRefusal {
    return { ok: false, reason: this.reason, error: { code: this.code, message: this.message } };
  }
}
