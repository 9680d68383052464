// "Look here" on the phone page: a pad that stands for the whole view around the camera (left edge and right edge
// behind, the middle straight ahead, top up, bottom down). Touching or dragging on it points the TV's view there; the
// dot shows where the phone last pointed. The pairing client sends a drag's latest direction a few times a second.
import { useRef, useState, type PointerEvent } from 'react';
import type { PhonePairing, PhonePairingSnapshot } from '../../../pairing';
import { useI18n } from '../../../react/AppContext';

/** The pad's spot under the pointer, as view angles: x across 360° of yaw, y across 180° of pitch. */
function anglesAt(event: PointerEvent<HTMLDivElement>): { yaw: number; pitch: number } {
  const box = event.currentTarget.getBoundingClientRect();
  const x = Math.min(1, Math.max(0, (event.clientX - box.left) / Math.max(1, box.width)));
  const y = Math.min(1, Math.max(0, (event.clientY - box.top) / Math.max(1, box.height)));
  return { yaw: Math.round((x * 360 - 180) * 10) / 10, pitch: Math.round((90 - y * 180) * 10) / 10 };
}

export function PhonePointPad({ client, snapshot }: { client: PhonePairing; snapshot: PhonePairingSnapshot }) {
  const { t } = useI18n();
  const [pointed, setPointed] = useState<{ yaw: number; pitch: number } | null>(null);
  const dragging = useRef(false);
  const point = (event: PointerEvent<HTMLDivElement>) => {
    const at = anglesAt(event);
    setPointed(at);
    client.point(at.yaw, at.pitch);
  };
  const disabled = snapshot.status !== 'paired';
  return (
    <section className="phone-pairing__card">
      <h2>{t('pairing.phone.point.title')}</h2>
      <p className="phone-pairing__hint">{t('pairing.phone.point.hint')}</p>
      <div
        className="phone-pairing__pad"
        role="application"
        aria-label={t('pairing.phone.point.pad')}
        aria-disabled={disabled}
        data-testid="phone-pairing-pad"
        data-yaw={pointed?.yaw}
        data-pitch={pointed?.pitch}
        onPointerDown={(event) => {
          if (disabled) return;
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          point(event);
        }}
        onPointerMove={(event) => dragging.current && point(event)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
      >
        <span className="phone-pairing__pad-ahead" aria-hidden="true" />
        {pointed && <span className="phone-pairing__pad-dot" aria-hidden="true" style={{ left: `${((pointed.yaw + 180) / 360) * 100}%`, top: `${((90 - pointed.pitch) / 180) * 100}%` }} />}
      </div>
      {snapshot.pointRefusal && (
        <p className="phone-pairing__error" role="alert" data-testid="phone-pairing-point-refusal">
          {t(`pairing.refused.${snapshot.pointRefusal.reason}`)}
        </p>
      )}
    </section>
  );
}
