// Owns one 2D canvas and the three.js texture made from it. `paint` redraws the canvas from a Drawing and marks
// the texture for upload; callers paint only when their content changes, never per frame.
import { useEffect, useMemo } from 'react';
import { CanvasTexture, LinearFilter, SRGBColorSpace } from 'three';
import { measureWith, paintCanvas } from '../../xr/canvas-paint';
import type { Drawing, FontMeasure } from '../../xr/panel-layout';

export class CanvasSurface {
  readonly texture: CanvasTexture;
  readonly measure: FontMeasure;
  private readonly context: CanvasRenderingContext2D;

  /** A `width`×`height` px canvas; its size is fixed, since a texture's storage cannot grow after the first upload. */
  constructor(width: number, height: number) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    this.context = context;
    this.measure = measureWith(context);
    this.texture = new CanvasTexture(canvas);
    this.texture.colorSpace = SRGBColorSpace;
    // Text is read from afar and at an angle: mipmaps (the default minification) keep it from shimmering.
    this.texture.magFilter = LinearFilter;
    this.texture.anisotropy = 4;
  }

  paint(drawing: Drawing): void {
    paintCanvas(this.context, drawing);
    this.texture.needsUpdate = true;
  }

  /** The canvas as a PNG data URL (for the tests' hook; never per frame). */
  toDataUrl(): string {
    return this.context.canvas.toDataURL('image/png');
  }

  dispose(): void {
    this.texture.dispose();
  }
}

export function useCanvasTexture(width: number, height: number): CanvasSurface {
  const surface = useMemo(() => new CanvasSurface(width, height), [width, height]);
  useEffect(() => () => surface.dispose(), [surface]);
  return surface;
}
