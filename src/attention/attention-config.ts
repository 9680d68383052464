// The sampler's settings, with their defaults in one place. The wire budget they give (docs/attention.md): a
// still viewer sends four reports a minute, about 80 bytes each.
export interface AttentionConfig {
  /** A batch goes at least this often while samples are being taken. */
  sendMs: number;
  /** Most samples in one batch (never above the protocol's MAX_ATTENTION_SAMPLES). */
  maxSamples: number;
  /** On a live stream a turn to another cell is sent at once, but not more often than this (the host's radar). */
  liveTurnSendMs: number;
}

export const DEFAULT_ATTENTION_CONFIG: AttentionConfig = {
  sendMs: 15_000,
  maxSamples: 30,
  liveTurnSendMs: 1_000,
};
