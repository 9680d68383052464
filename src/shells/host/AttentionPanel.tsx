// The production's view of where the audience looks (operator token): per location of the set tour, the heat-map
// over its picture (the whole video over the poster; a scrubbed time over the equirect frame at that time, with
// the map of the bucket around it), the most-watched directions, the share who turned around, and PNG and CSV
// export. A map with fewer than five distinct viewers says it is withheld, and nothing else.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AttentionReader, type AttentionRead } from '../../attention';
import { ATTENTION_MESSAGES } from '../../i18n/attention';
import { addMessages } from '../../i18n/translator';
import { ATTENTION_BUCKET_S, type AttentionMap } from '../../protocol/attention';
import { useI18n, useServices } from '../../react/AppContext';
import { useProjectTour } from '../../react/useProjectTour';
import { drawHeat, HeatCanvas, HeatLegend } from './HeatCanvas';
import { useLocationFrame } from './useLocationFrame';
import './attention.css';

addMessages(ATTENTION_MESSAGES);

/** The map is read again this often, so a console left open follows the audience. */
const REFRESH_MS = 3_000;

export function AttentionPanel({ token }: { token: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { projectId } = useServices();
  const tour = useProjectTour();
  const locations = tour?.kind === 'tour' ? tour.tour.locations : [];
  const [locationId, setLocationId] = useState<string | null>(null);
  const location = locations.find((l) => l.id === locationId) ?? locations[0];
  const reader = useMemo(() => new AttentionReader(token), [token]);
  // Seconds into the video, or null for the whole video.
  const [time, setTime] = useState<number | null>(null);
  const [read, setRead] = useState<AttentionRead<AttentionMap> | null>(null);
  const [whole, setWhole] = useState<AttentionMap | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  const bucketSeconds = whole?.bucketSeconds ?? ATTENTION_BUCKET_S;
  const bucketStart = time === null ? null : Math.floor(time / bucketSeconds) * bucketSeconds;
  const { state: frame, duration } = useLocationFrame(location?.stream, time);
  useEffect(() => {
    if (!location) return undefined;
    let live = true;
    const load = async () => {
      const range = bucketStart === null ? undefined : { from: bucketStart, to: bucketStart + bucketSeconds };
      const [map, all] = await Promise.all([reader.map(projectId, location.id, range), range ? reader.map(projectId, location.id) : null]);
      if (!live) return;
      setRead(map);
      const overall = all ?? map;
      if (overall.ok) setWhole(overall.value);
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // The bucket's start is what matters, not the object read each refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reader, projectId, location?.id, bucketStart]);

  if (!location) return null;
  const name = i18n.pick(location.name);
  const map = read?.ok ? read.value : null;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  // Along the video: its length once the frame's stream says it, else as far as the buckets with data reach.
  const lastBucketEnd = whole?.buckets.length ? Math.max(...whole.buckets.map((b) => b.start)) + bucketSeconds : 0;
  const length = Number.isFinite(duration) ? duration : lastBucketEnd;
  const shownFrame = frame.kind === 'frame' ? frame.frame : null;

  const exportPng = () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1024;
    canvas.height = 512;
    const finish = (image: CanvasImageSource | null) => {
      drawHeat(canvas, map?.cells, image);
      download(canvas.toDataURL('image/png'), `attention-${projectId}-${location.id}.png`);
    };
    if (shownFrame) return finish(shownFrame.image);
    if (!location.poster) return finish(null);
    const image = new Image();
    image.onload = () => finish(image);
    image.onerror = () => finish(null);
    image.src = location.poster;
  };
  const exportCsv = async () => {
    const csv = await reader.csv(projectId, location.id);
    if (csv.ok) download(URL.createObjectURL(new Blob([csv.value], { type: 'text/csv' })), `attention-${projectId}-${location.id}.csv`);
    else setRead({ ok: false, status: csv.status, message: csv.message });
  };

  return (
    <section className="attention-panel" aria-labelledby="attention-title" data-testid="attention-panel">
      <h2 id="attention-title">{t('attention.title')}</h2>
      <label className="field">
        <span>{t('attention.location')}</span>
        <select value={location.id} onChange={(e) => (setLocationId(e.target.value), setTime(null), setWhole(null))} data-testid="attention-location">
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {i18n.pick(l.name)}
            </option>
          ))}
        </select>
      </label>
      <div className="attention-time">
        <label className="field">
          <span>
            {t('attention.time')}:{' '}
            {time === null || bucketStart === null ? t('attention.allTime') : t('attention.at', { time: i18n.number(time), from: bucketStart, to: bucketStart + bucketSeconds })}
          </span>
          <input type="range" min={0} max={length} step={0.5} value={time ?? 0} disabled={length <= 0} onChange={(e) => setTime(Number(e.target.value))} data-testid="attention-scrubber" />
        </label>
        <button type="button" className="button button--small" aria-pressed={time === null} onClick={() => setTime(null)} data-testid="attention-whole">
          {t('attention.allTime')}
        </button>
      </div>
      {frame.kind === 'failed' && <p className="muted" role="status" data-testid="attention-no-frame">{t('attention.noFrame')}</p>}
      {!read && <p className="muted" role="status">{t('attention.loading')}</p>}
      {read && !read.ok && <p role="alert">{t('attention.error', { message: read.message })}</p>}
      {map && (
        <div
          data-testid="attention-map"
          data-withheld={map.withheld ? 'true' : 'false'}
          data-viewers={map.viewers ?? ''}
          data-top-cells={(map.top ?? []).map((d) => d.cell).join(',')}
          data-cells={map.cells ? JSON.stringify(sparse(map.cells)) : ''}
        >
          <HeatCanvas cells={map.withheld ? undefined : map.cells} poster={location.poster} frame={shownFrame} width={768} label={t('attention.mapLabel', { location: name })} canvasRef={canvasRef} />
          {map.withheld ? (
            <p role="status" data-testid="attention-withheld">{t('attention.withheld', { min: map.minViewers })}</p>
          ) : (
            <>
              <p>{t('attention.viewers', { count: i18n.number(map.viewers ?? 0) })}</p>
              <h3>{t('attention.top')}</h3>
              <ol className="attention-top">
                {(map.top ?? []).map((d) => (
                  <li key={d.cell}>{t('attention.direction', { yaw: Math.round(d.yaw), pitch: Math.round(d.pitch), share: percent(d.share) })}</li>
                ))}
              </ol>
              {map.turnedAroundShare !== undefined && <p data-testid="attention-turned">{t('attention.turned', { share: percent(map.turnedAroundShare) })}</p>}
            </>
          )}
          <HeatLegend title={t('attention.legend')} low={t('attention.legendLow')} high={t('attention.legendHigh')} />
        </div>
      )}
      <div className="attention-actions">
        <button type="button" className="button button--small" onClick={exportPng} disabled={!map || map.withheld}>
          {t('attention.png')}
        </button>
        <button type="button" className="button button--small" onClick={() => void exportCsv()}>
          {t('attention.csv')}
        </button>
      </div>
    </section>
  );
}

/** Cell → viewers for the cells anyone looked at (tests and scripts read the map from this attribute). */
function sparse(cells: readonly number[]): Record<number, number> {
  const out: Record<number, number> = {};
  cells.forEach((n, cell) => {
    if (n > 0) out[cell] = n;
  });
  return out;
}

function download(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  if (href.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
