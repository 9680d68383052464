// Owns escaping values so they survive ffmpeg's two filtergraph parsing levels unchanged.

/**
 * Escapes one filter option value for an `-filter_complex` string. ffmpeg unescapes twice: first
 * the graph parser (which splits on `[ ] , ;`), then the option parser (which splits on `:`), so
 * `:` and quotes are escaped for the option level and the result escaped again for the graph level.
 * Note: drawtext's own `%{...}` expansion is a third level; pass label text via `textfile` instead.
 */
export function filterArg(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return optionLevel.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

/** `key=value:key=value` with every value escaped. */
export function filterOptions(options: Record<string, string | number>): string {
  return Object.entries(options)
    .map(([key, value]) => `${key}=${typeof value === 'number' ? String(value) : filterArg(value)}`)
    .join(':');
}
