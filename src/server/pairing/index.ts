// Pairings on the reference server (a phone as the TV's companion): the socket gateway over its storage, put
// together for create-server.ts.
export { attachPairingGateway, PAIRING_CLIENT_EVENTS, type PairingGateway, type PairingGatewayStats } from './pairing-gateway';
export { DEFAULT_PAIRING_LIMITS, type PairingLimits } from './pairing-limits';
