// Questions from the audience: asked and upvoted (one vote per caller) by those in the room, each caller
// limited, every change broadcast to the room.
import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io';
import { describeIssues, summarizeIssues } from '../../protocol';
import { AskRequest, MEETUP_EVENTS, UpvoteRequest, type ActionReply } from '../../protocol/meetup';
import { RateLimiter } from '../rate-limiter';
import { failed, roomOf, socketData, type GatewayContext, type Role } from './gateway-context';

export interface MeetupQuestions {
  ask: (socket: Socket, payload: unknown) => Promise<ActionReply>;
  upvote: (socket: Socket, payload: unknown) => Promise<ActionReply>;
}

export function createMeetupQuestions(ctx: GatewayContext): MeetupQuestions {
  const { io, stats } = ctx;
  const { storage, limits } = ctx.options;
  const askLimiter = new RateLimiter(limits.askRateLimit);
  const upvoteLimiter = new RateLimiter(limits.upvoteRateLimit);

  /** The checks every question action shares: a valid request from a socket in the room. */
  function joinedCaller(socket: Socket, meetupId: string): { role: Role; callerId: string } | ActionReply {
    const data = socketData(socket);
    const role = data.meetups?.[meetupId];
    if (!role || data.access.kind === 'anonymous') return failed('forbidden', 'join the meet-up first');
    return { role, callerId: data.access.callerId };
  }

  return {
    async ask(socket, payload) {
      const request = AskRequest.safeParse(payload);
      if (!request.success) return (stats.invalidRequests++, failed('invalid-request', summarizeIssues(describeIssues(request.error))));
      const { meetupId, text, askedBy } = request.data;
      const caller = joinedCaller(socket, meetupId);
      if ('ok' in caller) return caller;
      if (!askLimiter.take(caller.callerId).ok) return (stats.rateLimited++, failed('rate-limited', 'one question at a time: wait a few seconds before asking again'));
      const meetup = await ctx.meetupOf(meetupId);
      if (!meetup || meetup.state === 'ended') return failed('invalid-request', 'this meet-up has ended; questions are closed');
      const question = await storage.addQuestion(meetupId, {
        id: randomBytes(9).toString('base64url'),
        text,
        ...(askedBy ? { askedBy } : {}),
        callerId: caller.callerId,
        askedAt: new Date().toISOString(),
      });
      stats.questionsAsked++;
      io.to(roomOf(meetupId)).emit(MEETUP_EVENTS.question, { meetupId, question });
      return { ok: true, question };
    },

    async upvote(socket, payload) {
      const request = UpvoteRequest.safeParse(payload);
      if (!request.success) return (stats.invalidRequests++, failed('invalid-request', summarizeIssues(describeIssues(request.error))));
      const { meetupId, questionId } = request.data;
      const caller = joinedCaller(socket, meetupId);
      if ('ok' in caller) return caller;
      if (!upvoteLimiter.take(caller.callerId).ok) return (stats.rateLimited++, failed('rate-limited', 'too many votes; slow down'));
      const result = await storage.upvote(meetupId, questionId, caller.callerId);
      if (result.kind === 'not-found') return failed('not-found', 'no such question (it may have been dismissed)');
      if (result.kind === 'already-voted') return failed('invalid-request', 'you have already voted for this question');
      io.to(roomOf(meetupId)).emit(MEETUP_EVENTS.question, { meetupId, question: result.question });
      return { ok: true, question: result.question };
    },
  };
}
