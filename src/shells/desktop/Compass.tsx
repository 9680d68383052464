// The compass in the player controls: where the view faces relative to the footage's front (its initial view),
// drawn as the field of view's wedge on a dial; pressing it turns the view back. It follows the app's view direction
// by itself (a style and a label written on change), so a moving view renders no React.
import { useEffect, useRef } from 'react';
import { useI18n } from '../../react/AppContext';
import { useViewDirection } from '../../react/useViewDirection';
import { wrapDegrees } from '../../view';

export function Compass({ front, onReset }: { front: number; onReset: () => void }) {
  const { t } = useI18n();
  const direction = useViewDirection();
  const button = useRef<HTMLButtonElement>(null);
  const wedge = useRef<SVGGElement>(null);
  useEffect(() => {
    let shown = NaN;
    const draw = () => {
      const { yaw, fov } = direction.current();
      const relative = Math.round(wrapDegrees(yaw - front));
      if (relative === shown) return;
      shown = relative;
      wedge.current?.setAttribute('transform', `rotate(${relative} 16 16)`);
      wedge.current?.firstElementChild?.setAttribute('d', wedgePath(fov));
      const side = relative < 0 ? t('player.left') : t('player.right');
      const label = relative === 0 ? t('player.resetView') : t('player.resetViewDirection', { degrees: Math.abs(relative), side });
      button.current?.setAttribute('aria-label', label);
      button.current?.setAttribute('title', label);
      button.current?.setAttribute('data-yaw', String(relative));
    };
    draw();
    return direction.subscribe(draw);
  }, [direction, front, t]);
  return (
    <button ref={button} type="button" className="player__button player__compass" onClick={onReset} aria-keyshortcuts="R" data-testid="compass">
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <circle cx="16" cy="16" r="14" className="player__compass-dial" />
        <g ref={wedge}>
          <path d={wedgePath(75)} className="player__compass-wedge" />
        </g>
        <circle cx="16" cy="3.5" r="2" className="player__compass-front" />
      </svg>
    </button>
  );
}

/** A pie slice from the centre, `fov` degrees wide, facing up (the wedge's group turns it). */
function wedgePath(fov: number): string {
  const half = (Math.min(170, Math.max(10, fov)) / 2) * (Math.PI / 180);
  const r = 11;
  const x = (sign: number) => (16 + sign * r * Math.sin(half)).toFixed(2);
  const y = (16 - r * Math.cos(half)).toFixed(2);
  return `M16 16 L${x(-1)} ${y} A${r} ${r} 0 0 1 ${x(1)} ${y} Z`;
}
