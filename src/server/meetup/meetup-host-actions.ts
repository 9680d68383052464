// What only a meet-up's host may do over the socket: moderate questions. The role was decided at join from
// the token, never from anything the client says now.
import type { Socket } from 'socket.io';
import { describeIssues, summarizeIssues } from '../../protocol';
import { MEETUP_EVENTS, ModerateRequest, type ActionReply } from '../../protocol/meetup';
import { failed, roomOf, socketData, type GatewayContext } from './gateway-context';

export interface MeetupHostActions {
  moderate: (socket: Socket, payload: unknown) => Promise<ActionReply>;
}

export function createMeetupHostActions(ctx: GatewayContext): MeetupHostActions {
  const { io, stats } = ctx;
  const { storage, log } = ctx.options;
  return {
    async moderate(socket, payload) {
      const request = ModerateRequest.safeParse(payload);
      if (!request.success) return (stats.invalidRequests++, failed('invalid-request', summarizeIssues(describeIssues(request.error))));
      const { meetupId, questionId, action } = request.data;
      const data = socketData(socket);
      if (data.meetups?.[meetupId] !== 'host' || data.access.kind !== 'operator') {
        stats.forbiddenModerations++;
        log.warn('moderation refused: not a host', { meetupId, socket: socket.id });
        return failed('forbidden', 'only the host may moderate questions');
      }
      const result = await storage.moderate(meetupId, questionId, action);
      if (result.kind === 'not-found') return failed('not-found', 'no such question');
      for (const question of result.questions) io.to(roomOf(meetupId)).emit(MEETUP_EVENTS.question, { meetupId, question });
      return { ok: true, question: result.questions[0] };
    },
  };
}
