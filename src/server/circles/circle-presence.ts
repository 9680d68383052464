// Presence: where each member looks, and "look here". Relayed to the rest of the circle's room (across nodes
// through the adapter) and never stored: a look is stale a second later. Each message is validated, checked
// against the socket's own membership (a forged circle id reaches no room), and rate-limited on its own bucket,
// so looking around never eats the budget of play, pause and seek.
import type { Socket } from 'socket.io';
import { describeIssues, summarizeIssues } from '../../protocol';
import { CIRCLE_PRESENCE_EVENTS, LookRequest, PointRequest, type CircleActionReply, type MemberLook, type MemberPointed } from '../../protocol/circle';
import { RateLimiter } from '../rate-limiter';
import { Refused, circleRoomOf, circleSocketData, type CircleContext } from './circle-context';

export interface CirclePresence {
  /** Where this member looks; refused (thrown) when invalid, not theirs to send, or too frequent. */
  look(socket: Socket, payload: unknown): void;
  /** "Look here": told to the others at once; the reply says whether it went out. */
  point(socket: Socket, payload: unknown): Promise<CircleActionReply>;
  forget(socket: Socket): void;
}

export function createCirclePresence(ctx: CircleContext): CirclePresence {
  const { limits } = ctx.options;
  const looks = new RateLimiter(limits.lookRateLimit);
  const points = new RateLimiter(limits.pointRateLimit);

  /** The sender's membership of `circleId`, from what its own join recorded on the socket. */
  const memberIdIn = (socket: Socket, circleId: string): string => {
    const mine = circleSocketData(socket).circle;
    if (!mine || mine.circleId !== circleId || !socket.rooms.has(circleRoomOf(circleId))) {
      throw new Refused('not-member', 'forbidden', 'you are not in this circle: join it with its code first');
    }
    return mine.memberId;
  };

  return {
    look(socket, payload) {
      const request = LookRequest.safeParse(payload);
      if (!request.success) throw new Refused('invalid', 'invalid-request', summarizeIssues(describeIssues(request.error)));
      const memberId = memberIdIn(socket, request.data.circleId);
      if (!looks.take(socket.id).ok) throw new Refused('flood', 'rate-limited', 'too many view updates: slow down');
      const look: MemberLook = { ...request.data, memberId };
      socket.to(circleRoomOf(request.data.circleId)).emit(CIRCLE_PRESENCE_EVENTS.looking, look);
    },

    async point(socket, payload) {
      const request = PointRequest.safeParse(payload);
      if (!request.success) throw new Refused('invalid', 'invalid-request', summarizeIssues(describeIssues(request.error)));
      // A full check here (a removed member's socket may not have heard yet): "look here" turns other people's view.
      const { member } = await ctx.memberOf(socket, request.data.circleId);
      if (!points.take(socket.id).ok) throw new Refused('flood', 'rate-limited', 'you said "look here" very often: wait a few seconds');
      const pointed: MemberPointed = { ...request.data, memberId: member.id, at: ctx.now() };
      socket.to(circleRoomOf(request.data.circleId)).emit(CIRCLE_PRESENCE_EVENTS.pointed, pointed);
      return { ok: true };
    },

    forget(socket) {
      looks.forget(socket.id);
      points.forget(socket.id);
    },
  };
}
