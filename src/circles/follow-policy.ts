// How a member's player follows the circle, as a pure decision: given where the circle is and where the player
// is, what to command. Small drift is absorbed by the playback rate (nothing jumps on screen), large drift by a
// seek; a paused circle is matched exactly. Looping footage is compared around the loop.
import type { CircleConfig } from './circle-config';

export interface FollowInput {
  /** The circle's media time now, and whether it advances. */
  target: number;
  advancing: boolean;
  /** The player now. */
  actual: number;
  paused: boolean;
  rate: number;
  /** The footage's length when it is known and loops (a set's 360 video); NaN or Infinity otherwise. */
  duration: number;
  /** A seek is still on its way: do not pile another on top. */
  seeking: boolean;
  /** How long a seek has been taking to land (seconds): a seek while the circle advances aims that far ahead. */
  seekLead?: number;
  /**
   * How fast this player really plays for the rate it is given (media seconds per second at rate 1): below 1 on a
   * device whose decoder or audio clock cannot keep up, so the rate asked for is divided by it (speed-estimate.ts).
   */
  speed?: number;
}

export interface FollowCommands {
  seek?: number;
  play?: boolean;
  pause?: boolean;
  rate?: number;
  /** Player minus circle (seconds), after wrapping around a loop. */
  drift: number;
}

/** The drift of `actual` from `target` (seconds), the short way round a loop of `duration`. */
export function driftOf(actual: number, target: number, duration: number): number {
  const d = actual - target;
  if (!Number.isFinite(duration) || duration <= 0) return d;
  const wrapped = ((d % duration) + duration) % duration;
  return wrapped > duration / 2 ? wrapped - duration : wrapped;
}

/** Where the circle's time falls in the footage (looping footage wraps). */
export function placeInFootage(target: number, duration: number): number {
  return Number.isFinite(duration) && duration > 0 ? ((target % duration) + duration) % duration : target;
}

export function decideFollow(input: FollowInput, config: CircleConfig): FollowCommands {
  const drift = driftOf(input.actual, input.target, input.duration);
  const commands: FollowCommands = { drift };
  const place = placeInFootage(input.target, input.duration);
  if (!input.advancing) {
    if (!input.paused) commands.pause = true;
    if (input.rate !== 1) commands.rate = 1;
    if (!input.seeking && Math.abs(drift) > config.rateDeadbandS) commands.seek = place;
    return commands;
  }
  if (input.paused) {
    commands.play = true;
    if (!input.seeking && Math.abs(drift) > config.rateDeadbandS) commands.seek = placeInFootage(input.target + Math.min(input.seekLead ?? 0, config.maxSeekLeadS), input.duration);
    return commands;
  }
  if (input.seeking) return commands;
  // The footage's end is near: the element's own loop would seek to 0 and stand still while it lands (0.3-0.7 s
  // on a loaded device, a standing lag each loop). A seek of the follower's own, aimed ahead by how long seeks have
  // been taking, lands where the circle then is. Only once that place has come round the loop, never backwards.
  const lead = Math.min(input.seekLead ?? 0, config.maxSeekLeadS);
  const landing = placeInFootage(input.target + lead, input.duration);
  if (Number.isFinite(input.duration) && input.duration > 0 && input.duration - input.actual <= config.loopAheadS && landing < input.duration / 2) {
    commands.seek = landing;
    return commands;
  }
  if (Math.abs(drift) > config.seekThresholdS) {
    commands.seek = placeInFootage(input.target + Math.min(input.seekLead ?? 0, config.maxSeekLeadS), input.duration);
    if (input.rate !== 1) commands.rate = 1;
    return commands;
  }
  const away = Math.abs(drift);
  const change = away <= config.rateDeadbandS ? 0 : away > config.fullRateDriftS ? config.maxRateChange : Math.min(config.maxRateChange, away * config.rateGain);
  const wanted = 1 - Math.sign(drift) * change;
  // A player that plays slow for its rate is asked for more, so that it keeps the circle's pace instead of lagging
  // by the same amount for ever (a proportional correction alone leaves that lag standing).
  const speed = clamp(input.speed ?? 1, 1 / (1 + config.maxSpeedTrim), 1 + config.maxSpeedTrim);
  const rate = clamp(wanted / speed, 1 - config.maxRateChange, 1 + config.maxRateChange + config.maxSpeedTrim);
  // Rates are set in steps of 0.5 %: fewer commands, and the element is not asked for a new rate every tick.
  const stepped = Math.round(rate * 200) / 200;
  if (Math.abs(stepped - input.rate) > 1e-6) commands.rate = stepped;
  return commands;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
