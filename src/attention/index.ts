// Attention capability, framework-free: samples where the viewer looks (src/view) while the view plays, in coarse
// grid cells, and sends small batches to the server, which keeps only per-location aggregates for the
// production's maps and the host's live radar (docs/attention.md). The viewer's opt-out is remembered on the
// device and honoured by every shell. The shells bind it through src/react/useAttention.ts.
export { AttentionSampler } from './attention-sampler';
export type { AttentionContext, AttentionTransport, AttentionSamplerOptions, AttentionSamplerStats } from './attention-sampler';
export { createAttentionChoice, ATTENTION_CHOICE_KEY, type AttentionChoice } from './attention-choice';
export { DEFAULT_ATTENTION_CONFIG, type AttentionConfig } from './attention-config';
export { viridis, heatPixels } from './heat-colours';
export { AttentionReader, type AttentionRead } from './attention-reader';
export { LocationFrames, type LocationFrame } from './location-frames';
