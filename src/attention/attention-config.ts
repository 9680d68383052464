// The sampler's settings, with their defaults in one place. The wire budget they give (docs/attention.md): a
// still viewer sends three reports a minute, about 85 bytes of JSON each.
export interface AttentionConfig {
  /** A batch goes at least this often while samples are being taken. */
  sendMs: number;
  /** Most samples in one batch (never above the protocol's MAX_ATTENTION_SAMPLES). */
  maxSamples: number;
  /** On a live stream a turn to another cell is sent at once, but not more often than this (the host's radar). */
  liveTurnSendMs: number;
}

export const DEFAULT_ATTENTION_CONFIG: AttentionConfig = {
  sendMs: 20_000,
  maxSamples: 40,
  liveTurnSendMs: 1_000,
};
