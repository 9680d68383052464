// A meet-up's stream as a one-location tour, so the stage plays through the tour player, its media session
// and the panorama view the set tour uses (loading, errors, retry and rendition caps included).
import type { Meetup } from '../protocol/meetup';
import type { Tour } from '../protocol/tour-schema';

export const STAGE_LOCATION_ID = 'stage';

/** Null while the meet-up has no stream (scheduled). */
export function stageTour(meetup: Meetup): Tour | null {
  if (!meetup.streamUrl) return null;
  return {
    id: meetup.id,
    projectId: meetup.projectId,
    title: withFallback(meetup.title),
    start: STAGE_LOCATION_ID,
    locations: [
      {
        id: STAGE_LOCATION_ID,
        name: withFallback(meetup.star),
        stream: meetup.streamUrl,
        projection: 'equirect360',
        stereo: 'mono',
        initialView: { yaw: 0, pitch: 0 },
        captions: [],
        hotspots: [],
      },
    ],
  };
}

/** StoredText may be empty; a tour's text must name something. */
function withFallback(text: Meetup['title']): Tour['title'] {
  return text.en || text['zh-CN'] ? text : { en: '—' };
}
