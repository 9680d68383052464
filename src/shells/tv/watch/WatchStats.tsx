// `?stats=1` on the TV's watch screen: which 360 view is on and why, and what the sphere's pixel check decided and
// why, so a wrong "black video" verdict can be seen (and reported) rather than guessed at. Like the desktop's stats,
// for people tuning a set, in the figures' own terms.
import { useMedia } from '../../../react/AppContext';
import type { PixelVerdict, Tv360Choice } from '../../../tv/flat-pan';

export function WatchStats({ choice, pixel }: { choice: Tv360Choice; pixel: PixelVerdict | null }) {
  const media = useMedia();
  const why = choice.view === 'flat' ? `${choice.reason ?? '–'}${choice.remembered ? ' (remembered)' : ''}` : choice.recheck ? 'checking again' : '–';
  const verdict = pixel === null ? 'not run' : pixel.state === 'failed' || pixel.state === 'kept' ? `${pixel.state}: ${pixel.reason}` : pixel.state;
  return (
    <dl className="watch__stats" data-testid="tv-stats">
      <dt>view</dt>
      <dd data-stat="view">{choice.view}</dd>
      <dt>why</dt>
      <dd data-stat="why">{why}</dd>
      <dt>pixel check</dt>
      <dd data-stat="pixel">{verdict}</dd>
      <dt>engine</dt>
      <dd>{media.engine ?? '–'}</dd>
    </dl>
  );
}
