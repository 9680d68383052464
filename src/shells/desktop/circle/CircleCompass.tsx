// Presence on the desktop: a compass strip at the top of the view with one labelled marker per member, placed by
// where they look relative to this member's own direction (the edges are behind: ±180°), and the "look here" cue
// from someone else, which offers to turn the view there. Markers move with the view without a React render: the
// view direction is read in its own subscription and the markers' positions written to their style.
import { useEffect, useRef } from 'react';
import type { CirclePresence, PresenceSnapshot } from '../../../circles';
import { useI18n } from '../../../react/AppContext';
import type { ViewDirectionSource } from '../../../view';

/** Degrees from `mine` to `theirs`, the short way round: negative to the left. */
const relative = (theirs: number, mine: number) => ((((theirs - mine) % 360) + 540) % 360) - 180;

export function CircleCompass({ presence, snapshot, direction, lookAt }: { presence: CirclePresence; snapshot: PresenceSnapshot; direction: ViewDirectionSource; lookAt: (yaw: number, pitch: number) => void }) {
  const { t } = useI18n();
  const strip = useRef<HTMLDivElement>(null);
  const looks = snapshot.looks;

  useEffect(() => {
    const place = () => {
      const mine = direction.current().yaw;
      for (const marker of strip.current?.querySelectorAll<HTMLElement>('[data-yaw]') ?? []) {
        const rel = relative(Number(marker.dataset.yaw), mine);
        marker.style.left = `${50 + (rel / 180) * 50}%`;
        marker.dataset.relative = String(Math.round(rel));
        marker.setAttribute('aria-label', describe(marker.dataset.member ?? '', rel, t));
      }
    };
    place();
    return direction.subscribe(place);
  }, [direction, looks, t]);

  const cue = snapshot.cue;
  return (
    <>
      {looks.length > 0 && (
        <div className="circle-compass" ref={strip} role="list" aria-label={t('circle.compass')}>
          {looks.map((look) => (
            <span key={look.memberId} role="listitem" className="circle-compass__marker" data-member={look.name} data-yaw={look.yaw}>
              {look.name}
            </span>
          ))}
        </div>
      )}
      {cue && (
        <div className="card circle-cue" role="alert" data-testid="circle-cue" onPointerDown={(e) => e.stopPropagation()}>
          <span>{t('circle.cue', { name: cue.name })}</span>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              lookAt(cue.yaw, cue.pitch);
              presence.dismissCue();
            }}
          >
            {t('circle.cueTurn')}
          </button>
          <button type="button" className="button button--small" onClick={() => presence.dismissCue()}>
            {t('circle.cueDismiss')}
          </button>
        </div>
      )}
    </>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

function describe(name: string, relativeYaw: number, t: Translate): string {
  const rel = Math.round(relativeYaw);
  if (Math.abs(rel) < 10) return t('circle.looksAhead', { name });
  return rel < 0 ? t('circle.looksLeft', { name, deg: -rel }) : t('circle.looksRight', { name, deg: rel });
}
