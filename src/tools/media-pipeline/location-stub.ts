// Owns the scene-file location stub written next to an imported location: a TourLocation, checked by the real schema.
import { describeIssues, summarizeIssues, type Language } from '../../protocol';
import { TourLocation, type Projection, type StereoLayout } from '../../protocol/tour-schema';
import { MASTER_PLAYLIST } from './encode-hls';

export interface LocationStubInput {
  id: string;
  name: Partial<Record<Language, string>>;
  projection: Projection;
  stereo: StereoLayout;
  /** Site path the location's folder is served at, e.g. `/media/stage-a`. */
  baseUrl: string;
  /** Poster file name inside the folder, if one was made. */
  poster?: string;
  /** Caption file names inside the folder, by language. */
  captions?: Partial<Record<Language, string>>;
}

/** Where the folder of location `id` is served from when it lives in public/media (served at /media). */
export function mediaBaseUrl(id: string): string {
  return `/media/${id}`;
}

/**
 * The location as a tour file lists it: looking straight ahead, no hotspots yet. Throws with the
 * schema's own field-by-field reasons if it would not pass `TourLocation` (e.g. a malformed id).
 */
export function buildLocationStub(input: LocationStubInput): TourLocation {
  const captions = Object.entries(input.captions ?? {}).map(([language, file]) => ({ language, src: `${input.baseUrl}/${file}` }));
  const name = Object.fromEntries(Object.entries(input.name).filter(([, text]) => text !== undefined && text.trim() !== ''));
  const stub: Record<string, unknown> = {
    id: input.id,
    name: Object.keys(name).length > 0 ? name : { en: input.id },
    stream: `${input.baseUrl}/${MASTER_PLAYLIST}`,
    projection: input.projection,
    stereo: input.stereo,
    initialView: { yaw: 0, pitch: 0 },
    ...(input.poster ? { poster: `${input.baseUrl}/${input.poster}` } : {}),
    captions,
    hotspots: [],
  };
  return parseLocation(stub);
}

/** Whether `id` is a valid location id per the tour schema (lowercase letters, digits, dashes, ≤ 64). */
export function isLocationId(id: string): boolean {
  return TourLocation.shape.id.safeParse(id).success;
}

/** Validates a location against the tour schema; the error lists every offending field. */
export function parseLocation(value: unknown): TourLocation {
  const parsed = TourLocation.safeParse(value);
  if (!parsed.success) throw new Error(`not a valid tour location: ${summarizeIssues(describeIssues(parsed.error))}`);
  return parsed.data;
}
