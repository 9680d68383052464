// Ends the live sessions of a revoked backer code. Every socket signed in with a code sits in that code's room;
// a revocation disconnects the room on every node at once (the socket.io adapter carries it), and each node
// also re-checks the codes of its own sockets every `recheckMs`, so a session outlives its code by at most
// that even if the revocation message never arrived. A disconnected client's reconnect presents the revoked
// code and is refused at the handshake, so the feed and meet-ups are closed to it from then on.
import type { Server } from 'socket.io';
import type { Access } from '../access';
import type { ServerLog } from '../server-log';
import type { BackerCodeStorage } from '../storage/backer-code-storage';

export interface BackerSessionsOptions {
  storage: Pick<BackerCodeStorage, 'activeBackerCodes'>;
  /** Longest a session outlives its revoked code on any node. */
  recheckMs: number;
  log: ServerLog;
}

export interface BackerSessions {
  /** Disconnects every socket signed in with code `id`, on every node. */
  revoked(id: string): void;
  /** One re-check of this node's sockets against the stored codes (also run every recheckMs). */
  recheck(): Promise<number>;
  close(): void;
}

const roomOf = (codeId: string) => `backer-code:${codeId}`;

export function attachBackerSessions(io: Server, options: BackerSessionsOptions): BackerSessions {
  io.on('connection', (socket) => {
    const access = (socket.data as { access?: Access }).access;
    if (access?.kind === 'backer') void socket.join(roomOf(access.codeId));
  });

  async function recheck(): Promise<number> {
    const sockets = [...io.of('/').sockets.values()];
    const codeOf = (data: unknown) => {
      const access = (data as { access?: Access }).access;
      return access?.kind === 'backer' ? access.codeId : undefined;
    };
    const ids = [...new Set(sockets.map((s) => codeOf(s.data)).filter((id): id is string => id !== undefined))];
    const active = await options.storage.activeBackerCodes(ids);
    let ended = 0;
    for (const socket of sockets) {
      const id = codeOf(socket.data);
      if (id !== undefined && !active.has(id)) {
        socket.disconnect(true);
        ended++;
      }
    }
    if (ended) options.log.info('sessions of revoked backer codes ended', { sockets: ended });
    return ended;
  }

  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    recheck()
      .catch((err: unknown) => options.log.warn('backer code re-check failed', { error: String(err) }))
      .finally(() => (running = false));
  }, options.recheckMs);
  timer.unref();

  return {
    revoked: (id) => io.in(roomOf(id)).disconnectSockets(true),
    recheck,
    close: () => clearInterval(timer),
  };
}
