// Joins (the tier checked here), leaves, and presence: who is in each room, kept right across short drops
// that socket.io recovers and across disconnects.
import type { Socket } from 'socket.io';
import { describeIssues, summarizeIssues } from '../../protocol';
import { JoinRequest, type ActionReply, type JoinReply } from '../../protocol/meetup';
import { checkEntry } from './entry-check';
import { clientMeetup, failed, hostRoomOf, refusal, roomOf, socketData, type GatewayContext } from './gateway-context';
import type { RoomPulse } from './room-pulse';

export interface MeetupPresence {
  join: (socket: Socket, payload: unknown) => Promise<JoinReply>;
  /** The `leave` message: acked when the socket is out of the room. */
  onLeave(socket: Socket, payload: unknown, ack: unknown): void;
  /** A socket socket.io recovered after a short drop is back in its rooms: count it in the audience again. */
  recovered(socket: Socket): void;
  disconnected(socket: Socket): void;
}

export function createMeetupPresence(ctx: GatewayContext, pulse: RoomPulse): MeetupPresence {
  const { stats } = ctx;
  const { storage, roomState, limits } = ctx.options;

  async function leave(socket: Socket, meetupId: string): Promise<void> {
    const data = socketData(socket);
    const role = data.meetups?.[meetupId];
    if (!role) return;
    delete data.meetups![meetupId];
    await socket.leave(roomOf(meetupId));
    if (role === 'host') {
      await socket.leave(hostRoomOf(meetupId));
      pulse.hostLeft(meetupId);
    } else {
      await roomState.leave(meetupId, socket.id);
      pulse.audienceChanged(meetupId);
    }
  }

  return {
    async join(socket, payload) {
      const request = JoinRequest.safeParse(payload);
      if (!request.success) return (stats.invalidRequests++, refusal('invalid-request', summarizeIssues(describeIssues(request.error))));
      const { meetupId } = request.data;
      const data = socketData(socket);
      const meetup = await storage.getMeetup(meetupId);
      const decision = meetup ? checkEntry(meetup, await ctx.options.projects.getProject(meetup.projectId), data.access) : undefined;
      if (!meetup || !decision) return (stats.refusedJoins++, refusal('not-found', `no meet-up "${meetupId}"`));
      if (!decision.ok) {
        stats.refusedJoins++;
        const { ok: _no, ...reason } = decision;
        return { ok: false, ...reason };
      }
      ctx.remember(meetup);
      // Gone while we read: its disconnect has already been handled, so counting it now would count it forever.
      if (socket.disconnected) return refusal('internal', 'the connection closed during the join');
      const { role } = decision;
      const already = data.meetups?.[meetupId];
      data.meetups = { ...data.meetups, [meetupId]: role };
      await socket.join(roomOf(meetupId));
      if (role === 'host') {
        await socket.join(hostRoomOf(meetupId));
        if (!already) pulse.hostJoined(meetupId);
      } else {
        await roomState.join(meetupId, socket.id);
        pulse.audienceChanged(meetupId);
      }
      stats.joins++;
      const [audience, totals, questions] = await Promise.all([roomState.audience(meetupId), storage.reactionTotals(meetupId), storage.questions(meetupId, role === 'host')]);
      return { ok: true, meetup: clientMeetup(meetup, true), audience, totals, questions: questions.slice(0, limits.maxQuestionsInReply), role };
    },

    onLeave(socket, payload, ack) {
      const request = JoinRequest.safeParse(payload);
      if (!request.success) {
        stats.invalidRequests++;
        if (typeof ack === 'function') (ack as (r: ActionReply) => void)(failed('invalid-request', summarizeIssues(describeIssues(request.error))));
        return;
      }
      void leave(socket, request.data.meetupId).then(() => {
        if (typeof ack === 'function') (ack as (r: ActionReply) => void)({ ok: true });
      });
    },

    recovered(socket) {
      const data = socketData(socket);
      if (!socket.recovered || !data.meetups) return;
      for (const [meetupId, role] of Object.entries(data.meetups)) {
        if (role === 'audience') void roomState.join(meetupId, socket.id).then(() => pulse.audienceChanged(meetupId));
        else pulse.hostJoined(meetupId);
      }
    },

    disconnected(socket) {
      const data = socketData(socket);
      for (const meetupId of Object.keys(data.meetups ?? {})) {
        const role = data.meetups![meetupId];
        if (role === 'audience') void roomState.leave(meetupId, socket.id).then(() => pulse.audienceChanged(meetupId));
        else pulse.hostLeft(meetupId);
      }
    },
  };
}
