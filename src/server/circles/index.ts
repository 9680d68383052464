// Circles on the reference server: the socket gateway (membership, shared playback, host actions, expiry) over
// its storage, put together for create-server.ts.
export { attachCircleGateway, CIRCLE_CLIENT_EVENTS, type CircleGateway, type CircleGatewayStats } from './circle-gateway';
export { DEFAULT_CIRCLE_LIMITS, type CircleLimits } from './circle-limits';
