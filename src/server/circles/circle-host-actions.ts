// What only the host may do: hand hosting over, remove a member, choose who controls playback, end the circle.
// The server decides who the host is; a member acting as host is refused with the reason.
import type { Socket } from 'socket.io';
import { describeIssues, summarizeIssues } from '../../protocol';
import { CIRCLE_EVENTS, ManageRequest, type CircleActionReply, type CircleClosed } from '../../protocol/circle';
import { Refused, circleRoomOf, circleSocketData, type CircleContext } from './circle-context';
import type { CircleMembership } from './circle-membership';
import type { CirclePlaybackControl } from './circle-playback';

export function createCircleHostActions(ctx: CircleContext, membership: CircleMembership, playback: CirclePlaybackControl) {
  const { storage } = ctx.options;

  async function memberNamed(circleId: string, memberId: string) {
    const target = await storage.getMember(circleId, memberId);
    if (!target || target.removed) throw new Refused('not-member', 'not-found', `there is no member ${memberId} in this circle`);
    return target;
  }

  return {
    async manage(socket: Socket, payload: unknown): Promise<CircleActionReply> {
      const request = ManageRequest.safeParse(payload);
      if (!request.success) throw new Refused('invalid', 'invalid-request', summarizeIssues(describeIssues(request.error)));
      const { circleId, action } = request.data;
      const { circle, member } = await ctx.memberOf(socket, circleId);
      if (member.id !== circle.hostId) throw new Refused('not-host', 'forbidden', 'only the host can do that');
      const room = circleRoomOf(circleId);
      switch (action.kind) {
        case 'hand-over': {
          await memberNamed(circleId, action.memberId);
          await ctx.broadcast(await ctx.mutate(circleId, () => ({ hostId: action.memberId })));
          break;
        }
        case 'control':
          await ctx.broadcast(await ctx.mutate(circleId, () => ({ control: action.control })));
          break;
        case 'remove': {
          if (action.memberId === member.id) throw new Refused('invalid', 'invalid-request', 'to leave the circle yourself, leave it (hosting passes on)');
          await memberNamed(circleId, action.memberId);
          await storage.markRemoved(circleId, action.memberId);
          const closed: CircleClosed = { circleId, reason: 'removed' };
          for (const s of await ctx.io.in(room).fetchSockets()) {
            if (circleSocketData(s as unknown as Socket).circle?.memberId !== action.memberId) continue;
            s.emit(CIRCLE_EVENTS.closed, closed);
            s.leave(room);
          }
          await membership.withoutMember(circle, action.memberId);
          break;
        }
        case 'end': {
          playback.forget(circleId);
          await ctx.mutate(circleId, () => ({ status: 'ended' as const, waiting: null }));
          // Nothing said in an ended circle is kept.
          await storage.deleteMessages(circleId);
          ctx.io.to(room).emit(CIRCLE_EVENTS.closed, { circleId, reason: 'ended' } satisfies CircleClosed);
          ctx.io.in(room).socketsLeave(room);
          break;
        }
      }
      return { ok: true };
    },
  };
}

/** Expires open circles nobody has been in for the idle time; their codes then answer `expired`. */
export function startCircleExpiry(ctx: CircleContext): () => void {
  const { storage, limits, log } = ctx.options;
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      for (const circleId of await storage.idleCircles(ctx.now() - limits.idleExpiryMs, 200)) {
        // A circle whose members are all still watching has nothing to expire for.
        if ((await ctx.io.in(circleRoomOf(circleId)).fetchSockets()).length > 0) continue;
        const expired = await ctx.mutate(circleId, () => ({ status: 'expired' as const, waiting: null })).catch(() => undefined);
        if (expired) await storage.deleteMessages(circleId);
      }
    } catch (err) {
      log.error('circle expiry failed', { error: String(err) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), limits.expirySweepMs);
  timer.unref();
  return () => clearInterval(timer);
}
