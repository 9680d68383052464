// The picture of the set behind the TV's home screen: the tour's start location's poster (a still of where the tour
// begins), so the screen says "film set" before a word is read. Read leniently from the tour file, without its
// schema (the first screen stays small): anything unexpected simply means no picture.

/** The start location's poster URL in a tour file, or null. Only same-site paths (the server's own /media). */
export function setPictureOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const { start, locations } = json as { start?: unknown; locations?: unknown };
  if (!Array.isArray(locations)) return null;
  const location: unknown = locations.find((l: unknown) => typeof l === 'object' && l !== null && (l as { id?: unknown }).id === start);
  const poster = (location as { poster?: unknown } | undefined)?.poster;
  return typeof poster === 'string' && /^\/[\w-][\w\-./]*$/.test(poster) && !poster.includes('..') ? poster : null;
}

/** Fetches the tour file (the HTTP cache has it from the entry's prefetch) and finds the picture; null on any failure. */
export async function loadSetPicture(url: string, fetchImpl: typeof fetch = fetch): Promise<string | null> {
  try {
    const response = await fetchImpl(url);
    return response.ok ? setPictureOf(await response.json()) : null;
  } catch {
    return null;
  }
}
