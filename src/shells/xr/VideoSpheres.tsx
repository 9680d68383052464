// The XR scene's footage (R3F): each location's LocationSphere, the outgoing one fading out on top once the new
// one shows. The desktop and TV views draw the same spheres without R3F (src/panorama/panorama-renderer.ts).
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { LocationPlayback, TourPlayerState } from '../../tour/tour-player';
import { fadeOpacity } from '../../panorama/frame-scheduler';
import { LocationSphere } from '../../panorama/location-sphere';

export { EYE_LAYER } from '../../panorama/location-sphere';

export function VideoSpheres({ state, fadeMs }: { state: TourPlayerState; fadeMs: number }) {
  return (
    <>
      <LocationSphereView key={state.current.location.id} playback={state.current} fade={null} />
      {state.previous && <LocationSphereView key={`${state.previous.location.id}-out`} playback={state.previous} fade={{ startedAt: state.fadeStartedAt, fadeMs }} />}
    </>
  );
}

function LocationSphereView({ playback, fade }: { playback: LocationPlayback; fade: { startedAt: number | null; fadeMs: number } | null }) {
  const invalidate = useThree((s) => s.invalidate);
  const { location, session } = playback;
  // An on-demand canvas (the XR page before entering) draws once per decoded video frame; in a session the
  // headset's frame loop draws every frame and this costs nothing.
  const sphere = useMemo(() => new LocationSphere({ projection: location.projection, stereo: location.stereo, video: session.video }, () => invalidate()), [location, session, invalidate]);
  useEffect(() => () => sphere.dispose(), [sphere]);

  useFrame(() => {
    if (!fade) return;
    const opacity = fadeOpacity(fade.startedAt, fade.fadeMs, performance.now());
    sphere.setFade(opacity);
    // An on-demand canvas must keep drawing until the fade is done.
    if (opacity > 0) invalidate();
  });

  return <primitive object={sphere.object} />;
}
