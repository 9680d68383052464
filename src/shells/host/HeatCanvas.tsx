// One attention grid drawn over a location's picture: the equirect poster (when there is one) with the cells on
// top in viridis, scaled up without smoothing so each cell stays a readable block. Also draws for PNG export.
import { useEffect, useRef } from 'react';
import { heatPixels } from '../../attention';
import { ATTENTION_COLUMNS, ATTENTION_ROWS } from '../../protocol/attention';

export interface HeatCanvasProps {
  cells: readonly number[] | undefined;
  poster?: string | undefined;
  width: number;
  label: string;
  testId?: string;
  /** The canvas, for export. */
  canvasRef?: React.RefObject<HTMLCanvasElement | null>;
}

export function HeatCanvas({ cells, poster, width, label, testId, canvasRef }: HeatCanvasProps) {
  const own = useRef<HTMLCanvasElement>(null);
  const ref = canvasRef ?? own;
  const height = Math.round(width / 2);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return undefined;
    let live = true;
    const draw = (image: HTMLImageElement | null) => {
      if (!live) return;
      drawHeat(canvas, cells, image);
    };
    if (!poster) {
      draw(null);
      return () => void (live = false);
    }
    const image = new Image();
    image.onload = () => draw(image);
    image.onerror = () => draw(null);
    image.src = poster;
    return () => void (live = false);
  }, [cells, poster, ref]);
  return <canvas ref={ref} width={width} height={height} className="attention-map__canvas" role="img" aria-label={label} data-testid={testId} />;
}

/** Poster (dimmed) then the heat on top, cell by cell. */
export function drawHeat(canvas: HTMLCanvasElement, cells: readonly number[] | undefined, poster: HTMLImageElement | null): void {
  const context = canvas.getContext('2d');
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
  grid.getContext('2d')?.putImageData(new ImageData(heatPixels(cells), ATTENTION_COLUMNS, ATTENTION_ROWS), 0, 0);
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
