// The TV's attention notice and the overlay's row with its switch wait for the first frame (as the sampler does):
// their code and strings come in their own chunk after the picture is up, off the watch screen's first-frame path.
import { lazy } from 'react';
import { AfterFirstFrame } from '../../../react/AfterFirstFrame';
import { loadWhenOnline } from '../../../app/load-when-online';

const notice = () => loadWhenOnline(() => import('./TvAttentionNotice'));
const TvAttentionNotice = lazy(() => notice().then((m) => ({ default: m.TvAttentionNotice })));
const TvAttentionRow = lazy(() => notice().then((m) => ({ default: m.TvAttentionRow })));

/** The notice at the top of the picture (stays mounted: its first-seconds clock runs from the first frame). */
export function LazyTvAttentionNotice({ overlay }: { overlay: boolean }) {
  return (
    <AfterFirstFrame>
      <TvAttentionNotice overlay={overlay} />
    </AfterFirstFrame>
  );
}

/** The notice and its switch as the watch overlay's last row. */
export function LazyTvAttentionRow() {
  return (
    <AfterFirstFrame>
      <TvAttentionRow />
    </AfterFirstFrame>
  );
}
