// The player controls come after the first frame: they are not needed to show it (they appear on movement), so
// their code stays out of the JavaScript the tour and the stage load before that frame.
import { lazy, type ComponentProps } from 'react';
import { AfterFirstFrame } from '../../react/AfterFirstFrame';
import type { PlayerControls as Controls } from './PlayerControls';
import { loadWhenOnline } from '../../app/load-when-online';

const PlayerControls = lazy(() => loadWhenOnline(() => import('./PlayerControls')).then((m) => ({ default: m.PlayerControls })));

export function LazyPlayerControls(props: ComponentProps<typeof Controls>) {
  return (
    <AfterFirstFrame>
      <PlayerControls {...props} />
    </AfterFirstFrame>
  );
}
