// The hotspots of the location on screen as real buttons pinned over the 360 view: click, tap, or Tab + Enter
// moves there; focus or hover starts preloading that location.
import { useEffect, useRef } from 'react';
import type { HotspotProjector } from '../../panorama/hotspot-projector';
import type { TourPlayer } from '../../tour/tour-player';
import type { Hotspot } from '../../protocol/tour-schema';
import type { Annotation } from '../../protocol';
import { useAppState, useI18n } from '../../react/AppContext';
import { usePlayerState } from '../../react/useTourPlayer';
import { LockIcon } from './LockedLocation';

const NO_ANNOTATIONS: Annotation[] = [];

export function Hotspots({ player, projector }: { player: TourPlayer; projector: HotspotProjector }) {
  const { current } = usePlayerState(player);
  const annotations = useAppState((s) => s.feed.data?.project.annotations ?? NO_ANNOTATIONS);
  return (
    <div className="hotspots">
      {current.location.hotspots.map((hotspot, i) => (
        <HotspotButton key={`${current.location.id}-${i}`} hotspot={hotspot} player={player} projector={projector} />
      ))}
      {annotations
        .filter((a) => a.locationId === current.location.id)
        .map((annotation) => (
          <LiveAnnotation key={annotation.id} annotation={annotation} projector={projector} />
        ))}
    </div>
  );
}

/** A note the production pinned to this spot live; it informs, so it is text (read by screen readers), not a control. */
function LiveAnnotation({ annotation, projector }: { annotation: Annotation; projector: HotspotProjector }) {
  const i18n = useI18n();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(
    () => (ref.current ? projector.pin(ref.current, { ...annotation, expiresAt: annotation.until ? Date.parse(annotation.until) : undefined }) : undefined),
    [projector, annotation],
  );
  return (
    <p ref={ref} className="annotation" hidden data-annotation={annotation.id} role="status">
      <span className="annotation__live">{i18n.t('tour.liveNote')}</span> {i18n.pick(annotation.label)}
    </p>
  );
}

function HotspotButton({ hotspot, player, projector }: { hotspot: Hotspot; player: TourPlayer; projector: HotspotProjector }) {
  const i18n = useI18n();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => (ref.current ? projector.pin(ref.current, hotspot) : undefined), [projector, hotspot]);
  const preload = () => player.preload(hotspot.target);
  const lock = player.lockOf(hotspot.target);
  return (
    <button
      ref={ref}
      type="button"
      className="hotspot"
      hidden
      data-target={hotspot.target}
      data-locked={lock}
      onClick={() => player.goTo(hotspot.target)}
      onFocus={preload}
      onPointerEnter={preload}
    >
      <span className="hotspot__dot" aria-hidden="true" />
      <span className="hotspot__label">
        {i18n.pick(hotspot.label)}
        {lock && <span className="hotspot__tier"><LockIcon /> {i18n.t('tour.lock.badge', { tier: i18n.t(`tier.${lock}`) })}</span>}
      </span>
    </button>
  );
}
