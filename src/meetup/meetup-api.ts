// The meet-up HTTP API as the pages use it: the project's meet-ups, one meet-up, the replay's reactions
// timeline, and the host's actions (schedule, start, end, post a milestone) with the operator token in the
// Authorization header, never in a URL. Every answer is checked; a failure comes back as an ApiFailure.
import * as z from 'zod/mini';
import { BackerTier } from '../protocol';
import { Meetup, ReactionTimeline, type MeetupInput } from '../protocol/meetup';
import { check } from './room-messages';

export interface ApiFailure {
  /** 0 when the server could not be reached. */
  status: number;
  code: string;
  message: string;
  /** For a tier refusal: the tier that would open the door. */
  requiredTier?: BackerTier;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }), requiredTier: z.optional(BackerTier) });
/** A stream pass: the server set its cookie (scoped to the stream's path); this is the path it opens. */
const StreamPass = z.object({ meetupId: z.string(), streamUrl: z.string(), expiresAt: z.string(), ttlSeconds: z.number() });
export type StreamPass = z.infer<typeof StreamPass>;
/** The list as `{ meetups: [...] }` (or a bare array, which some platforms answer). */
const MeetupList = z.union([z.object({ meetups: z.array(Meetup) }), z.array(Meetup)]);
/** One meet-up as `{ meetup }` or the bare record. */
const OneMeetup = z.union([z.object({ meetup: Meetup }), Meetup]);

export class MeetupApi {
  constructor(
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async list(projectId: string, operatorToken?: string): Promise<ApiResult<Meetup[]>> {
    const result = await this.request('GET', `/api/projects/${encodeURIComponent(projectId)}/meetups`, MeetupList, operatorToken);
    return result.ok ? { ok: true, value: Array.isArray(result.value) ? result.value : result.value.meetups } : result;
  }

  async get(meetupId: string, operatorToken?: string): Promise<ApiResult<Meetup>> {
    return unwrapMeetup(await this.request('GET', `/api/meetups/${encodeURIComponent(meetupId)}`, OneMeetup, operatorToken));
  }

  /** For those who may watch the meet-up: the backer's (or operator's) token, as for joining. */
  reactionTimeline(meetupId: string, token?: string): Promise<ApiResult<ReactionTimeline>> {
    return this.request('GET', `/api/meetups/${encodeURIComponent(meetupId)}/reactions`, ReactionTimeline, token);
  }

  /**
   * The stream pass for a meet-up the viewer was let into: a short-lived cookie for its live (or replay) path, asked
   * for with the backer's (or host's) token in the Authorization header. Renewed by the caller before `expiresAt`;
   * a refusal says why (401 sign in, 403 tier or a code no longer valid, 404, 409 not started).
   */
  streamPass(meetupId: string, token?: string): Promise<ApiResult<StreamPass>> {
    return this.request('POST', `/api/meetups/${encodeURIComponent(meetupId)}/stream-pass`, StreamPass, token);
  }

  /** The host revokes the meet-up's stream key: links and passes made of it stop working; the room gets a new one. */
  revokeStreamKey(meetupId: string, operatorToken: string): Promise<ApiResult<unknown>> {
    return this.request('POST', `/api/meetups/${encodeURIComponent(meetupId)}/stream-key/revoke`, z.unknown(), operatorToken, {});
  }

  async schedule(projectId: string, input: MeetupInput, operatorToken: string): Promise<ApiResult<Meetup>> {
    return unwrapMeetup(await this.request('POST', `/api/projects/${encodeURIComponent(projectId)}/meetups`, OneMeetup, operatorToken, input));
  }

  async start(meetupId: string, operatorToken: string): Promise<ApiResult<Meetup>> {
    return unwrapMeetup(await this.request('POST', `/api/meetups/${encodeURIComponent(meetupId)}/start`, OneMeetup, operatorToken, {}));
  }

  async end(meetupId: string, operatorToken: string): Promise<ApiResult<Meetup>> {
    return unwrapMeetup(await this.request('POST', `/api/meetups/${encodeURIComponent(meetupId)}/end`, OneMeetup, operatorToken, {}));
  }

  /** Posts a milestone to the project's feed (the ingest API), from the host console. */
  postMilestone(projectId: string, milestone: { kind: string; title: Record<string, string> }, operatorToken: string): Promise<ApiResult<unknown>> {
    return this.request('POST', `/api/projects/${encodeURIComponent(projectId)}/milestones`, z.unknown(), operatorToken, milestone);
  }

  private async request<T>(method: string, path: string, schema: z.ZodMiniType<T>, token?: string, body?: unknown): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      return { ok: false, failure: { status: 0, code: 'network', message: err instanceof Error ? err.message : String(err) } };
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = ErrorBody.safeParse(json);
      const requiredTier = error.success ? error.data.requiredTier : undefined;
      return {
        ok: false,
        failure: { status: response.status, code: error.success ? error.data.error.code : 'http', message: error.success ? error.data.error.message : `HTTP ${response.status}`, ...(requiredTier ? { requiredTier } : {}) },
      };
    }
    const parsed = check(schema, json);
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, failure: { status: response.status, code: 'invalid-response', message: parsed.reason } };
  }
}

function unwrapMeetup(result: ApiResult<z.infer<typeof OneMeetup>>): ApiResult<Meetup> {
  if (!result.ok) return result;
  return { ok: true, value: 'meetup' in result.value ? result.value.meetup : result.value };
}
