// The shared playback on the server: play, pause, seek and location changes re-anchor the circle's time on the
// server's clock and go to every member; a stalled member holds the circle for a few seconds (the reason shown
// to all), after which it goes on and they catch up. Who may control is the circle's setting.
import type { Socket } from 'socket.io';
import { describeIssues, summarizeIssues } from '../../protocol';
import { BufferingRequest, ControlRequest, reanchor, type CircleActionReply, type CirclePlayback } from '../../protocol/circle';
import { Refused, type CircleContext } from './circle-context';
import type { CircleMeetups } from './circle-meetups';

export interface CirclePlaybackControl {
  control(socket: Socket, payload: unknown): Promise<CircleActionReply>;
  buffering(socket: Socket, payload: unknown): Promise<void>;
  /** Stops waiting for anyone in this circle (ended, or the member waited for is gone). */
  forget(circleId: string): void;
  close(): void;
}

export function createCirclePlayback(ctx: CircleContext, meetups: CircleMeetups): CirclePlaybackControl {
  const { limits } = ctx.options;
  /** The timer that ends each circle's wait; on the node that heard the stall (the member's socket is there). */
  const waits = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each member last held their circle: once per cooldown, so a member who cannot keep up does not stall everyone. */
  const lastHeld = new Map<string, number>();

  const forget = (circleId: string) => {
    clearTimeout(waits.get(circleId));
    waits.delete(circleId);
  };

  /** The wait is over (the member resumed, or time ran out): the circle goes on from where it was held. */
  async function release(circleId: string, memberId: string): Promise<void> {
    forget(circleId);
    const stored = await ctx.mutate(circleId, (circle) =>
      circle.waiting?.memberId === memberId ? { waiting: null, playback: reanchor(circle.playback, ctx.now(), true) } : null,
    );
    if (stored) await ctx.broadcast(stored);
  }

  return {
    forget,
    close() {
      for (const timer of waits.values()) clearTimeout(timer);
      waits.clear();
    },

    async control(socket, payload) {
      const request = ControlRequest.safeParse(payload);
      if (!request.success) throw new Refused('invalid', 'invalid-request', summarizeIssues(describeIssues(request.error)));
      const { circleId, action } = request.data;
      const { circle, member } = await ctx.memberOf(socket, circleId);
      if (circle.control === 'host' && member.id !== circle.hostId) throw new Refused('host-only', 'forbidden', 'only the host controls playback in this circle');
      if (circle.playback.live && (action.kind === 'play' || action.kind === 'pause' || action.kind === 'seek')) {
        throw new Refused('invalid', 'invalid-request', 'a live meet-up plays live: take the circle back to the tour to pause or seek');
      }
      forget(circleId);
      const stored = await ctx.mutate(circleId, async (current) => {
        const now = ctx.now();
        const held = reanchor(current.playback, now, current.waiting !== undefined);
        let playback: CirclePlayback;
        switch (action.kind) {
          case 'meetup':
            // Checked on the current record: the host, the meet-up (this project's, live) and the host's own entry.
            playback = await meetups.enter(socket, current, member, action.meetupId, held);
            break;
          case 'play':
            playback = { ...held, playing: true };
            break;
          case 'pause':
            playback = { ...held, playing: false };
            break;
          case 'seek':
            playback = { ...held, mediaTime: action.mediaTime };
            break;
          case 'location': {
            // Also the way back from a meet-up: the tour again, at the location asked for.
            const { live: _left, ...tour } = held;
            playback = { ...tour, locationId: action.locationId, mediaTime: action.mediaTime ?? 0 };
            break;
          }
        }
        // Someone acted: whoever was waited for catches up with the new state like everyone else.
        return { playback, waiting: null };
      });
      ctx.stats.controls++;
      // Who may not follow is said before the view that takes everyone there (circle-meetups.ts).
      if (action.kind === 'meetup') await meetups.announce(stored);
      await ctx.broadcast(stored);
      return { ok: true };
    },

    async buffering(socket, payload) {
      const request = BufferingRequest.safeParse(payload);
      if (!request.success) throw new Refused('invalid', 'invalid-request', summarizeIssues(describeIssues(request.error)));
      const { circleId, stalled } = request.data;
      const { circle, member } = await ctx.memberOf(socket, circleId);
      if (!stalled) {
        if (circle.waiting?.memberId === member.id) await release(circleId, member.id);
        return;
      }
      const now = ctx.now();
      // A live meet-up plays on for everyone (a stalled member catches up to the live target); the circle's anchor
      // also keeps the tour's time it goes back to, so nothing re-anchors it while live.
      if (!circle.playback.playing || circle.playback.live || circle.waiting || now - (lastHeld.get(member.id) ?? -Infinity) < limits.waitCooldownMs) return;
      const stored = await ctx.mutate(circleId, (current) =>
        current.playback.playing && !current.waiting
          ? { playback: reanchor(current.playback, now, false), waiting: { memberId: member.id, reason: 'buffering' as const, until: now + limits.waitForMemberMs } }
          : null,
      );
      if (!stored) return;
      lastHeld.set(member.id, now);
      forget(circleId);
      waits.set(
        circleId,
        setTimeout(() => {
          release(circleId, member.id).catch((err: unknown) => ctx.options.log.error('circle wait release failed', { error: String(err) }));
        }, limits.waitForMemberMs),
      );
      await ctx.broadcast(stored);
    },
  };
}
