// The TV's attention notice waits for the first frame (as the sampler does): its code and strings come in their own
// chunk after the picture is up, off the watch screen's first-frame path.
import { lazy } from 'react';
import { AfterFirstFrame } from '../../../react/AfterFirstFrame';
import { loadWhenOnline } from '../../../app/load-when-online';

const TvAttentionNotice = lazy(() => loadWhenOnline(() => import('./TvAttentionNotice')).then((m) => ({ default: m.TvAttentionNotice })));

export function LazyTvAttentionNotice({ overlay }: { overlay: boolean }) {
  return (
    <AfterFirstFrame>
      <TvAttentionNotice overlay={overlay} />
    </AfterFirstFrame>
  );
}
