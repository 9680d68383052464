// One attention grid drawn over a location's picture: the equirect frame at the map's time (when the panel has
// one), else the poster, with the cells on top in viridis, scaled up without smoothing so each cell stays a
// readable block. Also draws for PNG export.
import { useEffect, useRef } from 'react';
import { heatPixels, type LocationFrame } from '../../attention';
import { ATTENTION_COLUMNS, ATTENTION_ROWS } from '../../protocol/attention';

export interface HeatCanvasProps {
  cells: readonly number[] | undefined;
  poster?: string | undefined;
  /** The location's frame at the map's time: drawn instead of the poster. */
  frame?: LocationFrame | null;
  width: number;
  label: string;
  testId?: string;
  /** The canvas, for export. */
  canvasRef?: React.RefObject<HTMLCanvasElement | null>;
}

export function HeatCanvas({ cells, poster, frame, width, label, testId, canvasRef }: HeatCanvasProps) {
  const own = useRef<HTMLCanvasElement>(null);
  const ref = canvasRef ?? own;
  const height = Math.round(width / 2);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return undefined;
    let live = true;
    // The canvas says what it shows once it is drawn (tests and scripts read it): the frame's asked time and the
    // presentation time of the frame copied, or the poster.
    const draw = (image: CanvasImageSource | null, backdrop: 'frame' | 'poster' | 'none') => {
      if (!live) return;
      drawHeat(canvas, cells, image);
      canvas.dataset.backdrop = backdrop;
      canvas.dataset.backdropTime = frame && backdrop === 'frame' ? String(frame.time) : '';
      canvas.dataset.backdropFrameTime = frame && backdrop === 'frame' ? String(frame.frameTime) : '';
    };
    if (frame) {
      draw(frame.image, 'frame');
      return () => void (live = false);
    }
    if (!poster) {
      draw(null, 'none');
      return () => void (live = false);
    }
    const image = new Image();
    image.onload = () => draw(image, 'poster');
    image.onerror = () => draw(null, 'none');
    image.src = poster;
    return () => void (live = false);
  }, [cells, poster, frame, ref]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      className="attention-map__canvas"
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}

/** The picture (frame or poster, dimmed) then the heat on top, cell by cell. */
export function drawHeat(canvas: HTMLCanvasElement, cells: readonly number[] | undefined, poster: CanvasImageSource | null): void {
  // A canvas in memory, not on the GPU: the maps are small, redrawn twice a second (the radar) and read back (PNG
  // export), and a GPU-backed canvas makes each drawing wait on the GPU process, which a busy page (a WebGL view
  // in another tab, software GL) can hold for seconds: the radar then stood still however fresh its data.
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return;
  context.fillStyle = '#111';
  context.fillRect(0, 0, canvas.width, canvas.height);
  if (poster) {
    context.globalAlpha = 0.7;
    context.drawImage(poster, 0, 0, canvas.width, canvas.height);
    context.globalAlpha = 1;
  }
  if (!cells) return;
  const grid = document.createElement('canvas');
  grid.width = ATTENTION_COLUMNS;
  grid.height = ATTENTION_ROWS;
  grid.getContext('2d', { willReadFrequently: true })?.putImageData(new ImageData(heatPixels(cells), ATTENTION_COLUMNS, ATTENTION_ROWS), 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(grid, 0, 0, canvas.width, canvas.height);
}

/** The viridis legend: a strip from few to most. */
export function HeatLegend({ title, low, high }: { title: string; low: string; high: string }) {
  return (
    <figure className="attention-legend" aria-label={title}>
      <figcaption>{title}</figcaption>
      <div className="attention-legend__strip" />
      <div className="attention-legend__ends">
        <span>{low}</span>
        <span>{high}</span>
      </div>
    </figure>
  );
}
