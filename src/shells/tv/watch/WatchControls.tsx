// The on-screen controls of "Watch the set": every media key and Back has a button here too (the Samsung Smart
// Remote has no colour keys, the LG Magic Remote no media keys), all reachable with the D-pad and OK.
import { useState, type ReactNode } from 'react';
import type { MessageKey } from '../../../i18n/en';
import type { MediaSession } from '../../../media/media-session';
import { useI18n } from '../../../react/AppContext';
import { useFocusable } from '../useFocusable';
import { FOCUS, WATCH_OVERLAY } from './focus-ids';
import { runMediaCommand } from './remote-commands';
import { usePaused } from './usePaused';
import { ScrubBar } from './ScrubBar';
import { useCircleRow } from '../circle/circle-row';

export interface WatchControlsProps {
  session: MediaSession;
  locationName: string;
  viewLabel: string;
  onBack: () => void;
  onLookAround: () => void;
  showRetry: boolean;
  onRetry: () => void;
  /** The flat view after a pixel check's verdict: try the sphere again (the check runs again). */
  onTryThreeD?: () => void;
  /** Where the captions sit; the control moves them (so they never hide what the family wants to see). */
  captions: CaptionPlace;
  onCaptions: (place: CaptionPlace) => void;
  /** Rows after the buttons and the circle's row (the attention notice and its switch): below them, off the way up to the hotspots. */
  children?: ReactNode;
}

export type CaptionPlace = 'bottom' | 'top';

export function WatchControls({ session, locationName, viewLabel, onBack, onLookAround, showRetry, onRetry, onTryThreeD, captions, onCaptions, children }: WatchControlsProps) {
  const { t } = useI18n();
  const paused = usePaused(session);
  const [muted, setMuted] = useState(session.muted);
  const { keypad, setSlot: circleRowRef } = useCircleRow();
  // While the circle's code keypad is open, the bar shows the circle's row alone. Every row stays in its place in
  // the tree (false where hidden), so the circle's row element is never remade under the keypad.
  const all = !keypad;
  return (
    <div className="watch__bar" role="toolbar" aria-label={locationName} data-keypad={keypad}>
      {all && <ScrubBar session={session} />}
      {all && (
        <ControlButton id={FOCUS.back} onSelect={onBack}>
          ← {t('tv.back')}
        </ControlButton>
      )}
      {all && (
        <ControlButton id={FOCUS.look} onSelect={onLookAround}>
          {t('watch.lookAround')}
        </ControlButton>
      )}
      {all && onTryThreeD && (
        <ControlButton id={FOCUS.tryThreeD} onSelect={onTryThreeD}>
          {t('watch.tryThreeD')}
        </ControlButton>
      )}
      {all && showRetry && (
        <ControlButton id={FOCUS.retry} onSelect={onRetry}>
          {t('media.retry')}
        </ControlButton>
      )}
      {all && (
        <ControlButton id={FOCUS.rewind} onSelect={() => runMediaCommand(session, 'rewind')} label="watch.rewindLabel">
          {t('watch.rewind')}
        </ControlButton>
      )}
      {all && (
        <ControlButton id={FOCUS.playPause} onSelect={() => runMediaCommand(session, 'playPause')} pressed={!paused}>
          {paused ? `▶ ${t('watch.play')}` : `❚❚ ${t('watch.pause')}`}
        </ControlButton>
      )}
      {all && (
        <ControlButton id={FOCUS.forward} onSelect={() => runMediaCommand(session, 'fastForward')} label="watch.forwardLabel">
          {t('watch.forward')}
        </ControlButton>
      )}
      {all && (
        <ControlButton
          id={FOCUS.sound}
          onSelect={() => {
            session.setMuted(!muted);
            setMuted(!muted);
          }}
        >
          {muted ? t('media.soundOn') : t('media.soundOff')}
        </ControlButton>
      )}
      {all && (
        <ControlButton id={FOCUS.captions} onSelect={() => onCaptions(captions === 'bottom' ? 'top' : 'bottom')}>
          {t(captions === 'bottom' ? 'watch.captionsBottom' : 'watch.captionsTop')}
        </ControlButton>
      )}
      {all && (
        <span className="watch__where">
          <strong>{locationName}</strong>
          <span className="watch__mode">
            {viewLabel} · {t('watch.hintOverlay')}
          </span>
        </span>
      )}
      {/* The circle's row (filled by the circle's chunk): under the buttons, above the attention row. */}
      <div ref={circleRowRef} className="watch__row watch__circle-row" data-testid="watch-circle-row" />
      {all && children}
    </div>
  );
}

function ControlButton({ id, onSelect, children, label, pressed }: { id: string; onSelect: () => void; children: ReactNode; label?: MessageKey; pressed?: boolean }) {
  const { t } = useI18n();
  const { props } = useFocusable<HTMLButtonElement>(id, { section: WATCH_OVERLAY, onSelect });
  return (
    <button {...props} type="button" className="watch-button" aria-label={label ? t(label) : undefined} aria-pressed={pressed}>
      {children}
    </button>
  );
}

