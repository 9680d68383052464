// The stage's stream pass: before the stage loads a meet-up's stream it holds a short-lived pass (a cookie the
// server scopes to the stream's path), renewed before it expires while the room is open. When the server moves the
// stream (the host revoked its key, or the live session ended and the replay began) a new pass comes first.
import type { Meetup } from '../protocol/meetup';
import type { ApiFailure, MeetupApi } from './meetup-api';

export interface StreamPassOptions {
  api: Pick<MeetupApi, 'streamPass'>;
  token: () => string | undefined;
  /** The pass is in (or its path changed): the stage may load `streamUrl`. */
  onPass: (meetupId: string, streamUrl: string) => void;
  /** The server refused a pass: why (a sign-in, a tier, a code no longer valid). */
  onRefused: (meetupId: string, failure: ApiFailure) => void;
}

/** Never renew sooner than this; a failed request (network, 5xx) is tried again after it too. */
const MIN_RENEW_MS = 15_000;

export class StreamPassKeeper {
  private held: { meetupId: string; sourceUrl: string; streamUrl: string | null } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: StreamPassOptions) {}

  /** The meet-up as the stage may show it: with its stream only once a pass for that stream is in. */
  hold(meetup: Meetup): Meetup {
    const { streamUrl: sourceUrl, ...withoutStream } = meetup;
    if (!sourceUrl) {
      this.stop();
      return meetup;
    }
    const held = this.held;
    if (held && held.meetupId === meetup.id && held.sourceUrl === sourceUrl) return held.streamUrl ? { ...withoutStream, streamUrl: held.streamUrl } : withoutStream;
    this.stop();
    this.held = { meetupId: meetup.id, sourceUrl, streamUrl: null };
    void this.renew(this.held);
    return withoutStream;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.held = null;
  }

  private async renew(held: NonNullable<StreamPassKeeper['held']>): Promise<void> {
    const result = await this.options.api.streamPass(held.meetupId, this.options.token());
    if (this.held !== held) return;
    if (!result.ok) {
      if (result.failure.status === 0 || result.failure.status >= 500) this.timer = setTimeout(() => void this.renew(held), MIN_RENEW_MS);
      else this.options.onRefused(held.meetupId, result.failure);
      return;
    }
    const moved = held.streamUrl !== result.value.streamUrl;
    held.streamUrl = result.value.streamUrl;
    const expiresInMs = Date.parse(result.value.expiresAt) - Date.now();
    this.timer = setTimeout(() => void this.renew(held), Math.max(MIN_RENEW_MS, expiresInMs * 0.8));
    if (moved) this.options.onPass(held.meetupId, held.streamUrl);
  }
}
