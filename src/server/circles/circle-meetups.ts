// A circle that watches a live meet-up together. The host moves the circle there; the server then checks every
// online member's own entry to the meet-up (their own backer code against its tier, as a meet-up join does) and
// tells the room who may not follow and why. The stream never travels in a circle message: each admitted member
// opens it through their own meet-up join and stream pass, so a circle never lets anyone past a tier. Nothing about
// a refusal is stored: it is worked out again on every move and every (re)join.
import type { Socket } from 'socket.io';
import { CIRCLE_EVENTS, CIRCLE_PROTOCOL_VERSION, type CirclePlayback, type MeetupEntryNotice, type MeetupEntryRefusal } from '../../protocol/circle';
import { checkEntry } from '../meetup/entry-check';
import type { CircleRecord, MemberRecord } from '../storage/circle-storage';
import type { MeetupRecord } from '../storage/meetup-storage';
import { Refused, circleRoomOf, circleSocketData, type CircleContext, type CircleSocketData } from './circle-context';

export interface CircleMeetups {
  /** The live position the circle takes on entering `meetupId` (after the checks), or a Refused. */
  enter(socket: Socket, circle: CircleRecord, member: MemberRecord, meetupId: string, held: CirclePlayback): Promise<CirclePlayback>;
  /** Checks every online member's entry to the circle's meet-up and sends the room the notice. */
  announce(circle: CircleRecord): Promise<void>;
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

  return {
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
      if (!live) return;
      const [meetup, project, members, sockets] = await Promise.all([
        meetups?.getMeetup(live.meetupId),
        projects.getProject(circle.projectId),
        storage.members(circle.id),
        ctx.io.in(circleRoomOf(circle.id)).fetchSockets(),
      ]);
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
    },
  };
}
