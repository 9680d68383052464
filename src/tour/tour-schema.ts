// What a tour file in scenes/ holds: a production's set locations and how to play each one.
import * as z from 'zod/mini';
import { LocalizedText, ProjectId } from '../protocol';

const LocationId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes'));

export const TourLocation = z.strictObject({
  id: LocationId,
  name: LocalizedText,
  /** HLS master playlist, absolute or relative to the site root. */
  stream: z.string().check(z.minLength(1)),
  projection: z.enum(['equirect360']),
  initialView: z.strictObject({
    yaw: z.number().check(z.gte(-180), z.lte(180)),
    pitch: z.number().check(z.gte(-90), z.lte(90)),
  }),
  poster: z.optional(z.string()),
});
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
    z.refine((tour) => tour.locations.some((l) => l.id === tour.start), {
      message: 'must name one of the tour’s locations',
      path: ['start'],
    }),
  );
export type Tour = z.infer<typeof Tour>;
