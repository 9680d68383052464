// "Look here" from a paired phone while the TV shows the set: the view glides to where the phone points, and a line
// says which phone pointed. Renders nothing unless the page has a pairing: the client, the pairing strings and the
// styles (tv-pairing.css) came with the pairing screen, so this binding is small enough to ride with the watch screen.
import { useEffect, useState } from 'react';
import { PointGlide } from '../../../pairing/point-glide';
import { useI18n } from '../../../react/AppContext';
import { useViewDirection } from '../../../react/useViewDirection';
import { usePairedTv } from './paired-tv';

/** How long "Mei's phone: look here" stays after the last point. */
const POINTING_NOTICE_MS = 2_500;

export function PairedPhoneLook({ lookAt }: { lookAt: (yaw: number, pitch: number) => void }) {
  const client = usePairedTv();
  const direction = useViewDirection();
  const { t } = useI18n();
  const [pointing, setPointing] = useState<string | null>(null);
  useEffect(() => {
    if (!client) return undefined;
    const glide = new PointGlide({ from: () => direction.current(), apply: lookAt });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = client.onPoint((point) => {
      glide.to(point.yaw, point.pitch);
      setPointing(point.phoneName);
      clearTimeout(timer);
      timer = setTimeout(() => setPointing(null), POINTING_NOTICE_MS);
    });
    return () => {
      off();
      glide.dispose();
      clearTimeout(timer);
    };
  }, [client, direction, lookAt]);
  if (!pointing) return null;
  return (
    <p className="tv-phone-pointing" role="status" data-testid="tv-phone-pointing">
      {t('pairing.tv.pointing', { phone: pointing })}
    </p>
  );
}
