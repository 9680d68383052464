// The attention notice comes after the first frame (as the sampler does, src/react/useAttention.ts): nothing is
// sampled before it, so its code and strings stay out of the JavaScript a view needs to show that frame.
import { lazy } from 'react';
import { AfterFirstFrame } from '../../react/AfterFirstFrame';
import { loadWhenOnline } from '../../app/load-when-online';

const AttentionNotice = lazy(() => loadWhenOnline(() => import('./AttentionNotice')).then((m) => ({ default: m.AttentionNotice })));

export function LazyAttentionNotice() {
  return (
    <AfterFirstFrame>
      <AttentionNotice />
    </AfterFirstFrame>
  );
}
