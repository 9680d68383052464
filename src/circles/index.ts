// Circles: visiting a project's set together. A framework-free client (circle-client.ts: membership, the
// circle's view, the shared clock, commands) and a follower (circle-follower.ts) that makes this member's player
// follow the circle through the media session's commands. Bindings per shell show it (src/react/useCircle.ts).
export { CircleClient, type CircleClientOptions, type CircleMembershipKey, type CircleOutcome, type CircleSnapshot, type CircleStatus } from './circle-client';
export { CircleFollower, type CirclePlayer, type FollowReadout } from './circle-follower';
export { ClockSync } from './clock-sync';
export { DEFAULT_CIRCLE_CONFIG, type CircleConfig } from './circle-config';
export { decideFollow, driftOf } from './follow-policy';
export { SpeedEstimate } from './speed-estimate';
export { CirclePresence, type CirclePresenceOptions, type Direction, type LookCue, type PresenceLook, type PresenceSnapshot } from './circle-presence';
export { CircleChat, type ChatFlash, type ChatSnapshot, type CircleChatOptions } from './circle-chat';
export { CIRCLE_REACTION_SHAPES } from './reaction-shapes';
