// Who is asking (the operator, a backer with a grant, or anyone) and what they may follow. The one place
// the server decides access, for HTTP and sockets alike; clients are never trusted with it.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Project } from '../protocol';
import type { AccessStorage, BackerGrant } from './storage/feed-storage';

export type Access =
  | { kind: 'operator'; callerId: string }
  /** codeId: the backer code's id (storage/backer-code-storage.ts), by which revocation finds its sessions. */
  | { kind: 'backer'; callerId: string; grant: BackerGrant; codeId: string }
  | { kind: 'anonymous' };

export interface AccessResolver {
  /** Resolves a presented token; undefined when a token was presented but is not valid. */
  resolve(token: string | undefined): Promise<Access | undefined>;
}

export function createAccessResolver(operatorToken: string, storage: AccessStorage): AccessResolver {
  const operatorDigest = digest(operatorToken);
  return {
    async resolve(token) {
      if (token === undefined) return { kind: 'anonymous' };
      const given = digest(token);
      // A short, stable id for rate limits and logs that reveals nothing of the token.
      const callerId = given.toString('hex').slice(0, 16);
      if (timingSafeEqual(given, operatorDigest)) return { kind: 'operator', callerId: `operator:${callerId}` };
      // Active codes only: a revoked code is refused like one never issued.
      const code = await storage.backerCodes.findBackerCode(token);
      return code ? { kind: 'backer', callerId: `backer:${callerId}`, grant: code.grant, codeId: code.id } : undefined;
    },
  };
}

export function canFollow(project: Project, access: Access): boolean {
  if (project.visibility === 'public' || access.kind === 'operator') return true;
  if (access.kind === 'anonymous') return false;
  return access.grant.projects === '*' || access.grant.projects.includes(project.id);
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
