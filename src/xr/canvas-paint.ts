// Carries out a Drawing (see panel-layout) on a 2D canvas, and measures text with that canvas's fonts.
import type { Drawing, FontMeasure } from './panel-layout';

export function measureWith(context: CanvasRenderingContext2D): FontMeasure {
  return (text, font) => {
    context.font = font;
    return context.measureText(text).width;
  };
}

export function paintCanvas(context: CanvasRenderingContext2D, drawing: Drawing): void {
  // Drawings are laid out for their canvas's size; scale if they differ.
  const { canvas } = context;
  context.setTransform(canvas.width / drawing.width, 0, 0, canvas.height / drawing.height, 0, 0);
  context.clearRect(0, 0, drawing.width, drawing.height);
  context.textBaseline = 'top';
  for (const step of drawing.steps) {
    switch (step.kind) {
      case 'rect':
        context.fillStyle = step.color;
        context.beginPath();
        context.roundRect(step.x, step.y, step.width, step.height, step.radius);
        context.fill();
        break;
      case 'circle':
        context.beginPath();
        context.arc(step.x, step.y, step.radius, 0, 2 * Math.PI);
        if (step.lineWidth === null) {
          context.fillStyle = step.color;
          context.fill();
        } else {
          context.strokeStyle = step.color;
          context.lineWidth = step.lineWidth;
          context.stroke();
        }
        break;
      case 'shape':
        context.save();
        context.translate(step.x, step.y);
        context.scale(step.size / 32, step.size / 32);
        context.fillStyle = step.fill;
        context.fill(new Path2D(step.d));
        context.restore();
        break;
      case 'text':
        context.font = step.font;
        context.fillStyle = step.color;
        context.textAlign = step.align;
        context.fillText(step.text, step.x, step.y);
        break;
    }
  }
}
