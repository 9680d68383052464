// Star meet-ups on the client: the meet-up client (join, presence, reactions, questions, spotlight) that writes
// the store's meetup slice, the HTTP API, the reaction burst, the live-latency probe, countdown and reminder, and
// the meet-up text both shells show.
// Framework-free; shells bind it through src/react/useMeetup.ts.
export { MeetupClient, type ActionOutcome, type MeetupClientOptions } from './meetup-client';
export { MeetupApi, type ApiFailure, type ApiResult } from './meetup-api';
export { initialMeetupRoom, type MeetupRoom, type MeetupPhase, type MeetupRefusal, type TimelinePoint } from './meetup-room';
export { orderQuestions, applyQuestion, boardFrom } from './question-board';
export { ReactionCoalescer } from './reaction-coalescer';
export { ParticlePool, DEFAULT_PARTICLE_BUDGET, type ParticleBudget } from './particle-pool';
export { ReactionBurst } from './reaction-burst';
export { REACTION_SHAPES } from './reaction-shapes';
export { measureLivePosition, watchLivePosition } from './live-position';
export { countdownTo, type Countdown } from './countdown';
export { formatCountdown, formatLatency, meetupCardText, type MeetupCardText } from './meetup-text';
export { StartReminder, browserNotify, askNotificationPermission } from './start-reminder';
export { stageTour } from './stage-tour';
