// Who is in a circle: starting one (the caller hosts it), joining by code (or coming back as the same member
// with the member key), leaving, and a dropped connection (still a member, shown offline). Access is always
// the caller's own: a circle of a backers-only project takes only callers whose backer code opens it.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'socket.io';
import { describeIssues, summarizeIssues } from '../../protocol';
import {
  CIRCLE_CODE_ALPHABET,
  CIRCLE_CODE_LENGTH,
  CIRCLE_PROTOCOL_VERSION,
  isCircleProtocolVersion,
  CreateCircleRequest,
  JoinCircleRequest,
  LeaveCircleRequest,
  normalizeCircleCode,
  type CircleActionReply,
  type CircleReply,
} from '../../protocol/circle';
import { canFollow, type Access } from '../access';
import type { CircleRecord, MemberRecord } from '../storage/circle-storage';
import { Refused, circleRoomOf, circleSocketData, closedRefusal, type CircleContext } from './circle-context';

export interface CircleMembership {
  create(socket: Socket, payload: unknown): Promise<CircleReply>;
  join(socket: Socket, payload: unknown): Promise<CircleReply>;
  leave(socket: Socket, payload: unknown): Promise<CircleActionReply>;
  disconnected(socket: Socket): Promise<void>;
  /** The member is gone (left or removed): a new host if they hosted, and no more waiting for them. */
  withoutMember(circle: CircleRecord, memberId: string): Promise<CircleRecord>;
}

export function createCircleMembership(ctx: CircleContext): CircleMembership {
  const { storage, projects, limits } = ctx.options;

  /** Checks the version first (so an older client hears why), then the fields. */
  function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof describeIssues>[0] } }, payload: unknown): T {
    const v = (payload as { v?: unknown } | null)?.v;
    if (!isCircleProtocolVersion(v)) throw new Refused('invalid', 'protocol-version', `this server speaks circle messages v${CIRCLE_PROTOCOL_VERSION}`);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new Refused('invalid', 'invalid-request', summarizeIssues(describeIssues(parsed.error)));
    return parsed.data;
  }

  async function checkProject(projectId: string, access: Access): Promise<void> {
    const project = await projects.getProject(projectId);
    if (project && canFollow(project, access)) return;
    // Like the feed: a project the caller may not see answers as one that does not exist.
    if (access.kind === 'anonymous') throw new Refused('no-access', 'unauthorized', `no project "${projectId}" is open without a backer code: sign in with yours`);
    throw new Refused('no-access', 'not-found', `your backer code opens no project "${projectId}"`);
  }

  async function enter(socket: Socket, circle: CircleRecord, member: MemberRecord, memberKey: string, v: number): Promise<CircleReply> {
    const data = circleSocketData(socket);
    if (data.circle && data.circle.circleId !== circle.id) await socket.leave(circleRoomOf(data.circle.circleId));
    data.circle = { circleId: circle.id, memberId: member.id, v };
    await socket.join(circleRoomOf(circle.id));
    // A rev of its own, so every member hears who is here now (also after a rejoin: online again).
    // The joiner gets the view the room was just sent: asking every node who is online once per join, not twice.
    const joined = await ctx.mutate(circle.id, () => ({}));
    // In a meet-up: this member's own entry is checked now and the room told who stays behind, before the view, so
    // that nobody sets off for the meet-up before the server has said whether they may. A meet-up that ended while
    // nobody was here takes the circle back to the tour now.
    const stored = joined.playback.live ? ((await ctx.announceMeetupEntry?.(joined)) ?? joined) : joined;
    const view = await ctx.broadcast(stored);
    return { ok: true, circle: view, you: member.id, memberKey, serverTime: ctx.now() };
  }

  const withoutMember: CircleMembership['withoutMember'] = async (circle, memberId) => {
    const stored = await ctx.mutate(circle.id, async (current) => {
      const changes: Parameters<typeof storage.updateCircle>[2] = {};
      if (current.waiting?.memberId === memberId) changes.waiting = null;
      if (current.hostId === memberId) {
        // Hosting passes to whoever has been in the circle longest, someone online first.
        const members = (await storage.members(current.id)).filter((m) => m.id !== memberId);
        const online = new Set((await ctx.io.in(circleRoomOf(current.id)).fetchSockets()).map((s) => circleSocketData(s as unknown as Socket).circle?.memberId));
        const next = members.find((m) => online.has(m.id)) ?? members[0];
        if (next) changes.hostId = next.id;
      }
      return changes;
    });
    await ctx.broadcast(stored);
    return stored;
  };

  return {
    withoutMember,

    async create(socket, payload) {
      const request = parse(CreateCircleRequest, payload);
      const { access } = circleSocketData(socket);
      await checkProject(request.projectId, access);
      const now = ctx.now();
      const memberKey = randomBytes(24).toString('base64url');
      for (let attempt = 0; attempt < 5; attempt++) {
        const circle: CircleRecord = {
          id: `c_${randomBytes(12).toString('base64url')}`,
          code: newCode(),
          projectId: request.projectId,
          hostId: `m_${randomBytes(9).toString('base64url')}`,
          control: request.control ?? 'anyone',
          maxMembers: limits.maxMembers,
          playback: { locationId: request.locationId, playing: request.playing ?? false, mediaTime: request.mediaTime ?? 0, at: now },
          status: 'open',
          rev: 1,
          createdAt: now,
          activeAt: now,
        };
        const host: MemberRecord = { circleId: circle.id, id: circle.hostId, name: request.name, device: request.device, keyHash: hashKey(memberKey), joinedAt: now, removed: false };
        if ((await storage.createCircle(circle, host)) === 'code-taken') continue;
        ctx.stats.created++;
        return enter(socket, circle, host, memberKey, request.v);
      }
      throw new Error('no free circle code in five tries');
    },

    async join(socket, payload) {
      const request = parse(JoinCircleRequest, payload);
      const code = normalizeCircleCode(request.code);
      const circle = await storage.findByCode(code);
      if (!circle) throw new Refused('unknown-code', 'not-found', `no circle has the code ${code.slice(0, 4)}-${code.slice(4)}: check it against the invite`);
      if (circle.status !== 'open') throw closedRefusal(circle);
      await checkProject(circle.projectId, circleSocketData(socket).access);
      if (request.memberId !== undefined || request.memberKey !== undefined) {
        const member = request.memberId ? await storage.getMember(circle.id, request.memberId) : undefined;
        if (!member || !request.memberKey || !sameKey(member.keyHash, request.memberKey)) {
          throw new Refused('forged-member', 'forbidden', 'that member id and key do not belong to this circle: join without them');
        }
        if (member.removed) throw new Refused('not-member', 'forbidden', 'the host removed you from this circle');
        ctx.stats.joins++;
        return enter(socket, circle, member, request.memberKey, request.v);
      }
      const memberKey = randomBytes(24).toString('base64url');
      const member: MemberRecord = {
        circleId: circle.id,
        id: `m_${randomBytes(9).toString('base64url')}`,
        name: request.name,
        device: request.device,
        keyHash: hashKey(memberKey),
        joinedAt: ctx.now(),
        removed: false,
      };
      const added = await storage.addMember(member, circle.maxMembers);
      if (added === 'full') throw new Refused('full', 'forbidden', `this circle is full (${circle.maxMembers} members)`);
      if (added === 'closed') throw closedRefusal((await storage.getCircle(circle.id)) ?? circle);
      ctx.stats.joins++;
      return enter(socket, circle, member, memberKey, request.v);
    },

    async leave(socket, payload) {
      const request = LeaveCircleRequest.safeParse(payload);
      if (!request.success) throw new Refused('invalid', 'invalid-request', summarizeIssues(describeIssues(request.error)));
      const { circle, member } = await ctx.memberOf(socket, request.data.circleId);
      await storage.deleteMember(circle.id, member.id);
      await socket.leave(circleRoomOf(circle.id));
      circleSocketData(socket).circle = undefined;
      await withoutMember(circle, member.id);
      return { ok: true };
    },

    async disconnected(socket) {
      const mine = circleSocketData(socket).circle;
      if (!mine) return;
      const circle = await storage.getCircle(mine.circleId);
      if (circle?.status !== 'open') return;
      // Still a member: offline, and no longer waited for. The rev tells the others.
      const stored = await ctx.mutate(circle.id, (current) => (current.waiting?.memberId === mine.memberId ? { waiting: null } : {}));
      await ctx.broadcast(stored);
    },
  };
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < CIRCLE_CODE_LENGTH; i++) code += CIRCLE_CODE_ALPHABET[randomInt(CIRCLE_CODE_ALPHABET.length)];
  return code;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function sameKey(storedHash: string, given: string): boolean {
  const a = Buffer.from(storedHash, 'hex');
  const b = Buffer.from(hashKey(given), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
