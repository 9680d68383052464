// The attention events' names, apart from their schemas: the tour's sampler binding sends on them from the first
// screen's code, and importing the schemas there would put them (zod and all) on the desktop tour's first-frame path.
export const ATTENTION_EVENTS = {
  /** client → server, no ack: one batch of samples. */
  report: 'attention:report',
  /** client → server, no ack: this viewer opted out; anything further from the socket is dropped. */
  optOut: 'attention:opt-out',
} as const;
