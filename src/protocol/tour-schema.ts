// What a tour file in scenes/ holds: a production's set locations, how to play each one, and the hotspots
// that link them. A contract shared by the app and the server (which gates each location's media by its tier);
// checked at runtime on both ends and by `npm run scenes:check`, and exported as JSON Schema for editors.
import * as z from 'zod/mini';
import { describeIssues, summarizeIssues } from './issues';
import { LANGUAGES, LocalizedText, ProjectId } from './primitives';
import { BackerTier } from './project';

const LocationId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes'));
const yaw = z.number().check(z.gte(-180), z.lte(180));
const pitch = z.number().check(z.gte(-90), z.lte(90));
const seconds = z.number().check(z.gte(0));

export const PROJECTIONS = ['equirect360', 'equirect180'] as const;
export type Projection = (typeof PROJECTIONS)[number];
/** How the two eyes share a stereo frame; `top-bottom`: left eye on top. `left-right`: left eye on the left. */
export const STEREO_LAYOUTS = ['mono', 'top-bottom', 'left-right'] as const;
export type StereoLayout = (typeof STEREO_LAYOUTS)[number];

export const Hotspot = z.strictObject({
  /** The location this hotspot leads to. */
  target: LocationId,
  /** Where it sits on the sphere, in degrees: yaw 0 is the footage's centre, positive to the right. */
  yaw,
  pitch,
  label: LocalizedText,
  /** Shown only from/until this time in the video (seconds), e.g. while a scene is being shot there. */
  start: z.optional(seconds),
  end: z.optional(seconds),
}).check(z.refine((h) => h.start === undefined || h.end === undefined || h.start < h.end, { message: 'must be after start', path: ['end'] }));
export type Hotspot = z.infer<typeof Hotspot>;

export const CaptionTrack = z.strictObject({
  language: z.enum(LANGUAGES),
  /** A WebVTT file, absolute or relative to the site root. */
  src: z.string().check(z.minLength(1)),
});
export type CaptionTrack = z.infer<typeof CaptionTrack>;

export const TourLocation = z
  .strictObject({
    id: LocationId,
    name: LocalizedText,
    /** HLS master playlist, absolute or relative to the site root. */
    stream: z.string().check(z.minLength(1)),
    projection: z.enum(PROJECTIONS),
    stereo: z._default(z.enum(STEREO_LAYOUTS), 'mono'),
    initialView: z.strictObject({ yaw, pitch }),
    poster: z.optional(z.string()),
    captions: z._default(z.array(CaptionTrack), []),
    hotspots: z._default(z.array(Hotspot), []),
    /**
     * The lowest backer tier that opens this location (its stream, captions and poster); without it, everyone who
     * may see the project. The server enforces it on every media request; viewers below it see a lock naming it.
     */
    tier: z.optional(BackerTier),
  })
  .check(
    // A 180° video covers yaw −90…90 only: a view or hotspot behind it would look at the dark back.
    z.refine((l) => l.projection !== 'equirect180' || Math.abs(l.initialView.yaw) <= 90, { message: 'must be within ±90 for equirect180', path: ['initialView', 'yaw'] }),
    z.superRefine((l, ctx) => {
      l.hotspots.forEach((h, i) => {
        if (h.target === l.id) ctx.issues.push({ code: 'custom', message: 'leads to its own location', path: ['hotspots', i, 'target'], input: h.target });
        if (l.projection === 'equirect180' && Math.abs(h.yaw) > 90) ctx.issues.push({ code: 'custom', message: 'must be within ±90 for equirect180', path: ['hotspots', i, 'yaw'], input: h.yaw });
      });
    }),
  );
export type TourLocation = z.infer<typeof TourLocation>;

export const Tour = z
  .strictObject({
    $schema: z.optional(z.string()),
    id: LocationId,
    projectId: ProjectId,
    title: LocalizedText,
    /** The location a visit starts at. */
    start: LocationId,
    locations: z.array(TourLocation).check(z.minLength(1)),
  })
  .check(
    z.superRefine((tour, ctx) => {
      const ids = new Set<string>();
      tour.locations.forEach((l, i) => {
        if (ids.has(l.id)) ctx.issues.push({ code: 'custom', message: `duplicate location id "${l.id}"`, path: ['locations', i, 'id'], input: l.id });
        ids.add(l.id);
      });
      if (!ids.has(tour.start)) ctx.issues.push({ code: 'custom', message: 'must name one of the tour’s locations', path: ['start'], input: tour.start });
      // Everyone who opens the tour lands there, so it cannot be locked (a gated location is reached from it).
      if (tour.locations.find((l) => l.id === tour.start)?.tier) ctx.issues.push({ code: 'custom', message: 'must name a location without a tier', path: ['start'], input: tour.start });
      tour.locations.forEach((l, i) =>
        l.hotspots.forEach((h, j) => {
          if (!ids.has(h.target)) ctx.issues.push({ code: 'custom', message: `no location "${h.target}" in this tour`, path: ['locations', i, 'hotspots', j, 'target'], input: h.target });
        }),
      );
    }),
  );
export type Tour = z.infer<typeof Tour>;

/** A tour file's JSON, validated: the tour, or a reason a person can read. */
export function parseTour(json: unknown): { kind: 'tour'; tour: Tour } | { kind: 'invalid'; reason: string } {
  const parsed = Tour.safeParse(json);
  if (!parsed.success) return { kind: 'invalid', reason: summarizeIssues(describeIssues(parsed.error)) };
  return { kind: 'tour', tour: parsed.data };
}
