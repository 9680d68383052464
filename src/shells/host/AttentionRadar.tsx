// The host's live radar during a meet-up: where the audience looks now, read twice a second, beside the question
// queue, so the host sees the room turn away within 2 s (a viewer's turn reaches the server within a second; read
// once a second, the radar could add another whole second). Fewer than five viewers reporting: withheld, and it says so.
import { useEffect, useMemo, useState } from 'react';
import { AttentionReader } from '../../attention';
import type { AttentionRadar as Radar } from '../../protocol/attention';
import { useI18n, useServices } from '../../react/AppContext';
import { HeatCanvas } from './HeatCanvas';
import './attention.css';

const RADAR_MS = 500;

export function AttentionRadar({ token, locationId }: { token: string; locationId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { projectId } = useServices();
  const reader = useMemo(() => new AttentionReader(token), [token]);
  const [radar, setRadar] = useState<Radar | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const read = async () => {
      const result = await reader.radar(projectId, locationId);
      if (!live) return;
      if (result.ok) {
        setRadar(result.value);
        setError(null);
      } else setError(result.message);
    };
    void read();
    const timer = setInterval(() => void read(), RADAR_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [reader, projectId, locationId]);

  const hottest = radar?.cells ? radar.cells.indexOf(Math.max(...radar.cells)) : -1;
  return (
    <section className="attention-radar" aria-label={t('attention.radarLabel')} data-testid="attention-radar" data-withheld={radar?.withheld ? 'true' : 'false'} data-hottest={hottest} data-at={radar?.at ?? ''} data-cells={radar?.cells && !radar.withheld ? sparseCells(radar.cells) : ''}>
      <h3>{t('attention.radar')}</h3>
      <HeatCanvas cells={radar?.withheld ? undefined : radar?.cells} width={320} label={t('attention.radarLabel')} />
      {error && <p role="alert">{t('attention.error', { message: error })}</p>}
      {radar && (radar.withheld ? <p className="muted">{t('attention.radarWithheld', { min: radar.minViewers })}</p> : <p>{t('attention.radarViewers', { count: i18n.number(radar.viewers ?? 0) })}</p>)}
    </section>
  );
}

/** Cell → viewers for the cells looked at now, as JSON (tests and scripts read the radar from this attribute). */
function sparseCells(cells: readonly number[]): string {
  const out: Record<number, number> = {};
  cells.forEach((n, cell) => {
    if (n > 0) out[cell] = n;
  });
  return JSON.stringify(out);
}
