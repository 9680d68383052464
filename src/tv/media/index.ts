// TV media settings: byte-capped buffers, a 1080-line decode cap unless the set proves more, and recovery from
// MSE quota errors. Applied on top of the shared media session (src/media), which stays the one player.
export { TV_BUFFER_BYTES, TV_DEFAULT_MAX_HEIGHT, provenDecodeHeight, tvMediaConfig } from './tv-media-config';
export type { DecodeCapabilities } from './tv-media-config';
export { BUFFER_FLOOR, BUFFER_FULL_ERROR, recoverFromQuotaErrors, shrinkBufferTargets } from './buffer-quota-recovery';
export type { BufferTargets, QuotaRecoveryReport, QuotaRecoveryTarget } from './buffer-quota-recovery';
