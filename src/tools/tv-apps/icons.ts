// The apps' icons, drawn at package time from SetVisit's TV colours: a 360° ring (the set all around) around a
// play mark, on the TV shell's background. No image files to keep in step with the sizes the stores ask for.
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [0x0b, 0x0d, 0x12];
const RING: Rgb = [0xff, 0xd2, 0x3f]; // the TV focus ring's yellow
const PLAY: Rgb = [0x8f, 0xb8, 0xff];
const SAMPLES = 4; // per axis: anti-aliased edges

/** Which colour a point of the icon has, in units where the shorter side is 1 and (0, 0) is the centre. */
function colourAt(x: number, y: number): Rgb {
  const r = Math.hypot(x, y);
  if (r > 0.3 && r < 0.38) return RING;
  // A play triangle pointing right, centred optically a little right of the middle.
  const px = x + 0.04;
  if (px > -0.09 && px < 0.15 && Math.abs(y) < (0.15 - px) * 0.62) return PLAY;
  return BACKGROUND;
}

export function drawIcon(width: number, height: number): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16) {
    throw new RangeError(`icon size ${width}×${height}: whole pixels, 16 or more`);
  }
  const png = new PNG({ width, height });
  const unit = Math.min(width, height);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES - width / 2) / unit, (py + (sy + 0.5) / SAMPLES - height / 2) / unit);
          r += c[0];
          g += c[1];
          b += c[2];
        }
      }
      const n = SAMPLES * SAMPLES;
      const i = (py * width + px) * 4;
      png.data[i] = Math.round(r / n);
      png.data[i + 1] = Math.round(g / n);
      png.data[i + 2] = Math.round(b / n);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
