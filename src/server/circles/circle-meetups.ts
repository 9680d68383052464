// A circle that watches a live meet-up together. The host moves the circle there; the server then checks every
// online member's own entry to the meet-up (their own backer code against its tier, as a meet-up join does) and
// tells the room who may not follow and why. The stream never travels in a circle message: each admitted member
// opens it through their own meet-up join and stream pass, so a circle never lets anyone past a tier. Nothing about
// a refusal is stored: it is worked out again on every move and every (re)join. When the meet-up ends, the server
// takes the circle back to the tour (where and when it left it) and tells the room why: nobody is left watching a
// stage that has gone dark until the host notices.
import type { Socket } from 'socket.io';
import { CIRCLE_EVENTS, CIRCLE_PROTOCOL_VERSION, type CirclePlayback, type MeetupEntryNotice, type MeetupEntryRefusal, type MeetupLeftNotice } from '../../protocol/circle';
import { checkEntry } from '../meetup/entry-check';
import type { CircleRecord, MemberRecord } from '../storage/circle-storage';
import type { MeetupRecord } from '../storage/meetup-storage';
import { Refused, circleRoomOf, circleSocketData, type CircleContext, type CircleSocketData } from './circle-context';

export interface CircleMeetups {
  /** The live position the circle takes on entering `meetupId` (after the checks), or a Refused. */
  enter(socket: Socket, circle: CircleRecord, member: MemberRecord, meetupId: string, held: CirclePlayback): Promise<CirclePlayback>;
  /**
   * Checks every online member's entry to the circle's meet-up and sends the room the notice. A circle whose
   * meet-up is no longer live (it ended while nobody was online) is taken back to the tour instead; resolves with
   * the circle as it now is.
   */
  announce(circle: CircleRecord): Promise<CircleRecord>;
  /** The meet-up ended: every circle watching it (on any node) goes back to the tour. Resolves with how many did. */
  ended(meetupId: string): Promise<number>;
}

export function createCircleMeetups(ctx: CircleContext): CircleMeetups {
  const { meetups, projects, limits, storage } = ctx.options;

  /** The meet-up of the circle's project, live now; a forged id or one of another project is "unknown" alike. */
  async function liveMeetup(circle: CircleRecord, meetupId: string): Promise<MeetupRecord> {
    const meetup = await meetups?.getMeetup(meetupId);
    if (!meetup || meetup.projectId !== circle.projectId) throw new Refused('unknown-meetup', 'not-found', `this circle's project has no meet-up "${meetupId}"`);
    if (meetup.state !== 'live') {
      throw new Refused('not-live', 'forbidden', meetup.state === 'scheduled' ? 'this meet-up has not started yet: a circle watches a meet-up while it is live' : 'this meet-up has ended: a circle watches a meet-up while it is live');
    }
    return meetup;
  }

  /**
   * Back to the tour from an ended meet-up: the location the circle left and the tour's time when it left (the
   * anchor is not moved while the circle is live), playing or paused as it was. The room hears why before the view.
   */
  async function backToTour(circleId: string, meetupId: string): Promise<CircleRecord | undefined> {
    const stored = await ctx.mutate(circleId, (current) => {
      if (current.playback.live?.meetupId !== meetupId) return null;
      const { live: _ended, ...tour } = current.playback;
      return { playback: { ...tour, at: ctx.now() }, waiting: null };
    });
    if (!stored) return undefined;
    const notice: MeetupLeftNotice = { circleId, meetupId, reason: 'ended' };
    ctx.io.to(circleRoomOf(circleId)).emit(CIRCLE_EVENTS.meetupLeft, notice);
    await ctx.broadcast(stored);
    return stored;
  }

  return {
    async ended(meetupId) {
      // The circles that watch it are found through their members online, on every node (the adapter answers for
      // the others); a circle with nobody online goes back when its first member returns (announce).
      const sockets = await ctx.io.fetchSockets();
      const circleIds = new Set<string>();
      for (const s of sockets) {
        const id = (s.data as CircleSocketData).circle?.circleId;
        if (id) circleIds.add(id);
      }
      let moved = 0;
      for (const id of circleIds) {
        const circle = await storage.getCircle(id);
        if (circle?.status !== 'open' || circle.playback.live?.meetupId !== meetupId) continue;
        if (await backToTour(id, meetupId)) moved++;
      }
      return moved;
    },

    async enter(socket, circle, member, meetupId, held) {
      if (member.id !== circle.hostId) throw new Refused('not-host', 'forbidden', 'only the host takes the circle into a meet-up');
      const meetup = await liveMeetup(circle, meetupId);
      // The host is a member like any other: their own code must open the meet-up, or the circle cannot go there.
      const own = checkEntry(meetup, await projects.getProject(circle.projectId), circleSocketData(socket).access);
      if (!own.ok) throw new Refused('meetup-refused', own.error.code, own.error.message);
      return { ...held, live: { meetupId: meetup.id, latencyS: limits.liveLatencyS } };
    },

    async announce(circle) {
      const live = circle.playback.live;
      if (!live) return circle;
      const [meetup, project, members, sockets] = await Promise.all([
        meetups?.getMeetup(live.meetupId),
        projects.getProject(circle.projectId),
        storage.members(circle.id),
        ctx.io.in(circleRoomOf(circle.id)).fetchSockets(),
      ]);
      if (meetup?.state === 'ended') return (await backToTour(circle.id, live.meetupId)) ?? circle;
      const names = new Map(members.map((m) => [m.id, m.name]));
      const refused = new Map<string, MeetupEntryRefusal>();
      for (const s of sockets) {
        const data = s.data as CircleSocketData;
        const memberId = data.circle?.memberId;
        if (!memberId || data.circle?.circleId !== circle.id || refused.has(memberId) || !names.has(memberId)) continue;
        const name = names.get(memberId)!;
        if ((data.circle.v ?? 1) < CIRCLE_PROTOCOL_VERSION) {
          refused.set(memberId, { memberId, name, error: { code: 'protocol-version', message: 'this app cannot watch a meet-up with a circle: update it to follow' } });
          continue;
        }
        if (!meetup) {
          refused.set(memberId, { memberId, name, error: { code: 'not-found', message: `no meet-up "${live.meetupId}"` } });
          continue;
        }
        const entry = checkEntry(meetup, project, data.access);
        if (entry.ok) continue;
        refused.set(memberId, {
          memberId,
          name,
          error: entry.error,
          ...(entry.requiredTier ? { requiredTier: entry.requiredTier } : {}),
          ...(entry.yourTier ? { yourTier: entry.yourTier } : {}),
        });
      }
      const notice: MeetupEntryNotice = { circleId: circle.id, meetupId: live.meetupId, refused: [...refused.values()] };
      ctx.io.to(circleRoomOf(circle.id)).emit(CIRCLE_EVENTS.meetupEntry, notice);
      return circle;
    },
  };
}
