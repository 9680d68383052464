// What a pairing does, one handler per request: the TV's offer (a new code, or the same pairing again with its
// key), a phone's join by code (or back with its key), a backer code for the TV, a reaction, "look here", a
// meet-up question (asked by the TV), the TV's unpairing, and expiry. Every refusal is thrown as PairingRefused before anything is stored.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import { describeIssues, summarizeIssues } from '../../protocol';
import { normalizeCircleCode } from '../../protocol/circle-code';
import {
  BackerForTvRequest,
  JoinPairingRequest,
  OfferPairingRequest,
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  PAIRING_EVENTS,
  PAIRING_PROTOCOL_VERSION,
  PairingAskRequest,
  PairingCircleAnswer,
  PairingCircleRequest,
  PairingQuestionAnswer,
  PointRequest,
  ReactRequest,
  RevokeRequest,
  formatPairingCode,
  normalizePairingCode,
  type PairingActionReply,
  type PairingClosed,
  type PairingJoinReply,
  type PairingOfferReply,
  type PairingPoint,
  type PairingCircleCode,
  type PairingQuestion,
  type PairingReaction,
  type PairingSignIn,
  type PairingView,
} from '../../protocol/pairing';
import type { Access, AccessResolver } from '../access';
import type { ServerLog } from '../server-log';
import type { PairingRecord, PairingStorage, PhoneRecord } from '../storage/pairing-storage';
import type { PairingLimits } from './pairing-limits';
import { PairingRefused } from './pairing-refusal';

export interface PairingServiceOptions {
  storage: PairingStorage;
  /** How long the server waits for the TV to say how its meet-up took a phone's question. */
  questionTimeoutMs?: number;
  access: AccessResolver;
  limits: PairingLimits;
  log: ServerLog;
  /** The server's clock (ms since the epoch). */
  now?: () => number;
}

/** What the gateway keeps on each socket, beside the feed's `access`: the pairing it is in, and as what. */
export interface PairingSocketData {
  access?: Access;
  pairing?: { pairingId: string; role: 'tv' } | { pairingId: string; role: 'phone'; phoneId: string };
}

export const pairingRoomOf = (pairingId: string) => `pairing:${pairingId}`;
export const pairingTvRoomOf = (pairingId: string) => `pairing-tv:${pairingId}`;
const pairingData = (socket: { data: unknown }) => socket.data as PairingSocketData;

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof describeIssues>[0] } };

/** Checks the version first (so an older client hears why), then the fields. */
function parse<T>(schema: Schema<T>, payload: unknown, versioned: boolean): T {
  if (versioned && (payload as { v?: unknown } | null)?.v !== PAIRING_PROTOCOL_VERSION) {
    throw new PairingRefused('invalid', 'protocol-version', `this server speaks pairing messages v${PAIRING_PROTOCOL_VERSION}`);
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new PairingRefused('invalid', 'invalid-request', summarizeIssues(describeIssues(parsed.error)));
  return parsed.data;
}

export function createPairingService(io: Server, options: PairingServiceOptions) {
  const { storage, limits } = options;
  const now = options.now ?? Date.now;

  async function viewOf(pairing: PairingRecord): Promise<PairingView> {
    const [phones, sockets] = await Promise.all([storage.phones(pairing.id), io.in(pairingRoomOf(pairing.id)).fetchSockets()]);
    const online = new Set(sockets.map((s) => pairingData(s).pairing).flatMap((p) => (p?.role === 'phone' ? [p.phoneId] : [])));
    return {
      id: pairing.id,
      code: pairing.code,
      projectId: pairing.projectId,
      tvName: pairing.tvName,
      phones: phones.map((p) => ({ id: p.id, name: p.name, online: online.has(p.id), pairedAt: p.pairedAt })),
      expiresAt: pairing.expiresAt,
    };
  }

  async function broadcast(pairing: PairingRecord): Promise<void> {
    io.to(pairingRoomOf(pairing.id)).emit(PAIRING_EVENTS.state, await viewOf(pairing));
  }

  /** Ends a pairing for everyone in it: phones and TV are told why and leave its rooms. */
  async function end(pairing: PairingRecord, reason: PairingClosed['reason']): Promise<void> {
    if (!(await storage.endPairing(pairing.id, reason))) return;
    const closed: PairingClosed = { pairingId: pairing.id, reason };
    io.to(pairingRoomOf(pairing.id)).emit(PAIRING_EVENTS.closed, closed);
    io.in(pairingRoomOf(pairing.id)).socketsLeave([pairingRoomOf(pairing.id), pairingTvRoomOf(pairing.id)]);
  }

  /** The pairing if it is open and in time; an expired one is ended on the spot (the sweep may not have run). */
  async function openPairing(pairing: PairingRecord | undefined): Promise<PairingRecord> {
    if (!pairing) throw new PairingRefused('unknown-code', 'not-found', 'there is no such pairing');
    if (pairing.status === 'open' && pairing.expiresAt <= now()) await end(pairing, 'expired');
    if (pairing.status !== 'open' || pairing.expiresAt <= now()) {
      throw new PairingRefused('expired', 'not-found', pairing.status === 'revoked' ? 'the TV ended this pairing: ask it for a new code' : 'this pairing code has expired: ask the TV for a new one');
    }
    return pairing;
  }

  /** The socket's own pairing, checked: the id must be the one it holds, still open, and it still paired. */
  async function mine(socket: Socket, pairingId: string, role: 'tv' | 'phone'): Promise<{ pairing: PairingRecord; phone?: PhoneRecord }> {
    const held = pairingData(socket).pairing;
    if (!held || held.pairingId !== pairingId || held.role !== role) {
      throw new PairingRefused('not-paired', 'forbidden', role === 'tv' ? 'only the TV that showed the code can do that' : 'this phone is not paired with that TV: pair with its code first');
    }
    const pairing = await openPairing(await storage.getPairing(pairingId));
    if (held.role === 'tv') return { pairing };
    const phone = await storage.getPhone(pairingId, held.phoneId);
    if (!phone) throw new PairingRefused('not-paired', 'forbidden', 'the TV unpaired this phone: pair again with its code');
    return { pairing, phone };
  }

  async function enter(socket: Socket, pairing: PairingRecord, held: NonNullable<PairingSocketData['pairing']>): Promise<void> {
    const data = pairingData(socket);
    if (data.pairing && data.pairing.pairingId !== pairing.id) for (const room of [pairingRoomOf(data.pairing.pairingId), pairingTvRoomOf(data.pairing.pairingId)]) await socket.leave(room);
    data.pairing = held;
    await socket.join(held.role === 'tv' ? [pairingRoomOf(pairing.id), pairingTvRoomOf(pairing.id)] : pairingRoomOf(pairing.id));
    await broadcast(pairing);
  }

  /** Sends `event` to the pairing's TV and waits for its answer (unparsed: the caller checks it). */
  async function askTv(pairing: PairingRecord, event: string, payload: unknown): Promise<unknown> {
    const tv = (await io.in(pairingTvRoomOf(pairing.id)).fetchSockets()).at(-1);
    if (!tv) throw new PairingRefused('not-paired', 'not-found', 'the TV is not connected: turn it on and try again');
    try {
      return await tv.timeout(options.questionTimeoutMs ?? 10_000).emitWithAck(event, payload);
    } catch {
      throw new PairingRefused('not-paired', 'not-found', 'the TV did not answer: check that it is on and connected');
    }
  }

  return {
    async offer(socket: Socket, payload: unknown): Promise<PairingOfferReply> {
      const request = parse(OfferPairingRequest, payload, true);
      if (pairingData(socket).pairing?.role === 'phone') throw new PairingRefused('invalid', 'forbidden', 'this page is paired as a phone: a phone cannot show a pairing code');
      if (request.pairingId !== undefined || request.tvKey !== undefined) {
        const pairing = await storage.getPairing(request.pairingId ?? '');
        if (!pairing || !request.tvKey || !sameKey(pairing.tvKeyHash, request.tvKey)) throw new PairingRefused('forged', 'forbidden', 'that pairing id and key do not belong together: ask for a new code');
        const open = await openPairing(pairing);
        await enter(socket, open, { pairingId: open.id, role: 'tv' });
        return { ok: true, pairing: await viewOf(open), tvKey: request.tvKey };
      }
      // The project is not checked: a TV on a backers-only project pairs precisely to get its backer code typed.
      // The offer opens nothing by itself, and says nothing about whether the project exists.
      const tvKey = randomBytes(24).toString('base64url');
      const at = now();
      for (let attempt = 0; attempt < 5; attempt++) {
        const pairing: PairingRecord = {
          id: `p_${randomBytes(12).toString('base64url')}`,
          code: newCode(),
          projectId: request.projectId,
          tvName: request.tvName,
          tvKeyHash: hashKey(tvKey),
          status: 'open',
          createdAt: at,
          expiresAt: at + limits.lifetimeMs,
        };
        if ((await storage.createPairing(pairing)) === 'code-taken') continue;
        await enter(socket, pairing, { pairingId: pairing.id, role: 'tv' });
        return { ok: true, pairing: await viewOf(pairing), tvKey };
      }
      throw new Error('no free pairing code in five tries');
    },

    async join(socket: Socket, payload: unknown): Promise<PairingJoinReply> {
      const request = parse(JoinPairingRequest, payload, true);
      if (request.device === 'tv' || pairingData(socket).pairing?.role === 'tv') {
        throw new PairingRefused('second-tv', 'forbidden', 'a TV cannot pair with another TV: open the code on a phone');
      }
      const code = normalizePairingCode(request.code);
      const found = await storage.findByCode(code);
      if (!found) throw new PairingRefused('unknown-code', 'not-found', `no TV shows the code ${formatPairingCode(code)}: check it against the TV`);
      const pairing = await openPairing(found);
      if (request.phoneId !== undefined || request.phoneKey !== undefined) {
        const phone = request.phoneId ? await storage.getPhone(pairing.id, request.phoneId) : undefined;
        if (!phone) throw new PairingRefused('not-paired', 'forbidden', 'the TV unpaired this phone: pair again with its code');
        if (!request.phoneKey || !sameKey(phone.keyHash, request.phoneKey)) throw new PairingRefused('forged', 'forbidden', 'that phone id and key do not belong together: pair again with the code');
        await enter(socket, pairing, { pairingId: pairing.id, role: 'phone', phoneId: phone.id });
        return { ok: true, pairing: await viewOf(pairing), you: phone.id, phoneKey: request.phoneKey };
      }
      const phoneKey = randomBytes(24).toString('base64url');
      const phone: PhoneRecord = { pairingId: pairing.id, id: `ph_${randomBytes(9).toString('base64url')}`, name: request.name, keyHash: hashKey(phoneKey), pairedAt: now() };
      const added = await storage.addPhone(phone, limits.maxPhones);
      if (added === 'full') throw new PairingRefused('full', 'forbidden', `this TV already has ${limits.maxPhones} phones paired: unpair one on the TV first`);
      if (added === 'closed') throw new PairingRefused('expired', 'not-found', 'this pairing has ended: ask the TV for a new code');
      await enter(socket, pairing, { pairingId: pairing.id, role: 'phone', phoneId: phone.id });
      return { ok: true, pairing: await viewOf(pairing), you: phone.id, phoneKey };
    },

    /** A backer code typed on the phone for the TV: checked here (active, for this project), then given to the TV. */
    async backer(socket: Socket, payload: unknown): Promise<PairingActionReply> {
      const request = parse(BackerForTvRequest, payload, false);
      const { pairing, phone } = await mine(socket, request.pairingId, 'phone');
      const access = await options.access.resolve(request.code);
      // The operator's token is no backer code: it is never handed to a TV.
      if (access?.kind !== 'backer') throw new PairingRefused('wrong-backer-code', 'forbidden', 'that backer code is not valid: check it against the campaign’s e-mail');
      const { projects, tier } = access.grant;
      if (projects !== '*' && !projects.includes(pairing.projectId)) throw new PairingRefused('no-access', 'forbidden', 'that backer code is for another project than the one on the TV');
      const tvs = await io.in(pairingTvRoomOf(pairing.id)).fetchSockets();
      if (tvs.length === 0) throw new PairingRefused('not-paired', 'not-found', 'the TV is not connected: turn it on and try again');
      const signIn: PairingSignIn = { pairingId: pairing.id, phoneName: phone!.name, token: request.code, tier };
      io.to(pairingTvRoomOf(pairing.id)).emit(PAIRING_EVENTS.signIn, signIn);
      // Logged without the code: which pairing, which tier.
      options.log.info('backer code given to a paired TV', { pairing: pairing.id, tier });
      return { ok: true, tier };
    },

    async react(socket: Socket, payload: unknown): Promise<PairingActionReply> {
      const request = parse(ReactRequest, payload, false);
      const { pairing, phone } = await mine(socket, request.pairingId, 'phone');
      const reaction: PairingReaction = { pairingId: pairing.id, phoneId: phone!.id, phoneName: phone!.name, reaction: request.reaction, at: now() };
      io.to(pairingTvRoomOf(pairing.id)).emit(PAIRING_EVENTS.reaction, reaction);
      return { ok: true };
    },

    /**
     * "Look here" from the phone: relayed to its own TV alone, never stored. A TV that is not connected just misses
     * it (a point is only worth its moment), so no lookup of the TV's socket per point.
     */
    async point(socket: Socket, payload: unknown): Promise<PairingActionReply> {
      const request = parse(PointRequest, payload, false);
      const { pairing, phone } = await mine(socket, request.pairingId, 'phone');
      const point: PairingPoint = { pairingId: pairing.id, phoneId: phone!.id, phoneName: phone!.name, yaw: request.yaw, pitch: request.pitch, at: now() };
      io.to(pairingTvRoomOf(pairing.id)).emit(PAIRING_EVENTS.pointed, point);
      return { ok: true };
    },

    /**
     * A meet-up question typed on the phone. The TV asks it in its own meet-up room as its own viewer (its backer
     * code, over its meet-up connection), so the meet-up's tier check, length and per-caller limits hold exactly as
     * for a question typed on the TV; the TV answers how it went, and the phone hears that. Nothing is stored here.
     */
    async ask(socket: Socket, payload: unknown): Promise<PairingActionReply> {
      const request = parse(PairingAskRequest, payload, false);
      const { pairing, phone } = await mine(socket, request.pairingId, 'phone');
      const question: PairingQuestion = { pairingId: pairing.id, phoneId: phone!.id, phoneName: phone!.name, text: request.text };
      const answer = await askTv(pairing, PAIRING_EVENTS.question, question);
      // The TV's answer is client input like any other: checked before the phone hears it.
      const parsed = PairingQuestionAnswer.safeParse(answer);
      if (!parsed.success) throw new PairingRefused('invalid', 'internal', 'the TV’s answer could not be read');
      if (parsed.data.ok) return { ok: true };
      if (parsed.data.reason === 'no-meetup') throw new PairingRefused('no-meetup', 'invalid-request', 'the TV is in no meet-up: open the meet-up on the TV first');
      throw new PairingRefused('meetup-refused', parsed.data.error.code, `the meet-up did not take the question: ${parsed.data.error.message}`);
    },

    /**
     * A circle's code typed on the phone: the TV joins that circle itself (its own circle client and backer code),
     * so a circle never lets anyone past a tier; the TV answers how it went. Only the code's form is checked here.
     */
    async circle(socket: Socket, payload: unknown): Promise<PairingActionReply> {
      const request = parse(PairingCircleRequest, payload, false);
      const { pairing, phone } = await mine(socket, request.pairingId, 'phone');
      const code: PairingCircleCode = { pairingId: pairing.id, phoneId: phone!.id, phoneName: phone!.name, code: normalizeCircleCode(request.code) };
      const parsed = PairingCircleAnswer.safeParse(await askTv(pairing, PAIRING_EVENTS.joinCircle, code));
      if (!parsed.success) throw new PairingRefused('invalid', 'internal', 'the TV’s answer could not be read');
      if (parsed.data.ok) return { ok: true };
      if (parsed.data.reason === 'no-circle-entry') throw new PairingRefused('no-circle-entry', 'invalid-request', 'the TV cannot join a circle right now: open the set on the TV first');
      throw new PairingRefused('circle-refused', parsed.data.error.code, `the circle did not take the TV: ${parsed.data.error.message}`);
    },

    /** The TV unpairs one phone (it is told, and its key stops working), or ends the pairing for every phone. */
    async revoke(socket: Socket, payload: unknown): Promise<PairingActionReply> {
      const request = parse(RevokeRequest, payload, false);
      const { pairing } = await mine(socket, request.pairingId, 'tv');
      if (request.phoneId === undefined) {
        await end(pairing, 'revoked');
        pairingData(socket).pairing = undefined;
        return { ok: true };
      }
      if (!(await storage.removePhone(pairing.id, request.phoneId))) throw new PairingRefused('not-paired', 'not-found', 'that phone is not paired with this TV');
      const closed: PairingClosed = { pairingId: pairing.id, reason: 'revoked' };
      for (const s of await io.in(pairingRoomOf(pairing.id)).fetchSockets()) {
        const held = pairingData(s).pairing;
        if (held?.role === 'phone' && held.phoneId === request.phoneId) {
          s.emit(PAIRING_EVENTS.closed, closed);
          s.leave(pairingRoomOf(pairing.id));
        }
      }
      await broadcast(pairing);
      return { ok: true };
    },

    /** A dropped phone stays paired (it may come back with its key); the TV sees it offline. */
    async disconnected(socket: Socket): Promise<void> {
      const held = pairingData(socket).pairing;
      if (held?.role !== 'phone') return;
      const pairing = await storage.getPairing(held.pairingId);
      if (pairing?.status === 'open') await broadcast(pairing);
    },

    /** Ends the pairings whose time is up; returns how many. */
    async sweep(): Promise<number> {
      const ids = await storage.expiredPairings(now(), 100);
      for (const id of ids) {
        const pairing = await storage.getPairing(id);
        if (pairing) await end(pairing, 'expired');
      }
      return ids.length;
    },
  };
}

export type PairingService = ReturnType<typeof createPairingService>;

function newCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_CODE_ALPHABET[randomInt(PAIRING_CODE_ALPHABET.length)];
  return code;
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function sameKey(storedHash: string, key: string): boolean {
  const given = Buffer.from(hashKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
