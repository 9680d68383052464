// Seals a newly issued backer code for the one purpose of answering a retried issuance with the same code.
// The sealing key is derived from the operator token (never stored) and the request's Idempotency-Key (stored
// only as a hash), so the database alone holds nothing that opens a code: only a retry can unseal it.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

export interface ReplaySeal {
  /** Stored in place of the key itself. */
  keyHash(idempotencyKey: string): string;
  seal(code: string, callerId: string, idempotencyKey: string): string;
  /** The sealed code, or undefined when it was sealed under another secret or key. */
  unseal(sealed: string, callerId: string, idempotencyKey: string): string | undefined;
}

export function createReplaySeal(secret: string): ReplaySeal {
  const keyOf = (callerId: string, idempotencyKey: string) => createHmac('sha256', secret).update(`backer-code-replay\n${callerId}\n${idempotencyKey}`).digest();
  return {
    keyHash: (idempotencyKey) => createHash('sha256').update(idempotencyKey).digest('hex'),
    seal(code, callerId, idempotencyKey) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyOf(callerId, idempotencyKey), iv);
      const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
    },
    unseal(sealed, callerId, idempotencyKey) {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
      if (!iv || !tag || !body) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyOf(callerId, idempotencyKey), iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
