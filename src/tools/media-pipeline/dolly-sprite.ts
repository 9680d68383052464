// Owns the geq expressions that draw the camera dolly sprite (RGBA, with a blinking tally light).

/** geq r/g/b/a for the dolly sprite in its own normalised coordinates (u across, v down). */
export function dollySprite(): Record<'r' | 'g' | 'b' | 'a', string> {
  const box = (u0: number, u1: number, v0: number, v1: number): string =>
    `between(X/W,${u0},${u1})*between(Y/H,${v0},${v1})`;
  // Front to back: the first part that covers a pixel gives its colour.
  const parts: Array<[string, readonly [number, number, number]]> = [
    [`${box(0.22, 0.34, 0.24, 0.3)}*lt(mod(T,1),0.5)`, [0xff, 0x2a, 0x2a]], // tally light
    [box(0.78, 1, 0.25, 0.36), [0x0e, 0x0f, 0x10]], // lens
    [box(0.18, 0.78, 0.2, 0.42), [0x24, 0x26, 0x2b]], // camera body
    [box(0.3, 0.62, 0.13, 0.2), [0x24, 0x26, 0x2b]], // top handle
    [box(0.44, 0.56, 0.42, 0.78), [0x70, 0x75, 0x7d]], // column
    [box(0.02, 0.98, 0.78, 0.81), [0x9a, 0x9f, 0xa6]], // platform edge catching the light
    [box(0.02, 0.98, 0.81, 0.9), [0x4a, 0x4f, 0x57]], // platform
    [box(0.08, 0.3, 0.9, 1), [0x1a, 0x1a, 0x1a]], // wheels
    [box(0.7, 0.92, 0.9, 1), [0x1a, 0x1a, 0x1a]],
  ];
  const channel = (c: 0 | 1 | 2): string =>
    parts.reduceRight((rest, [mask, color]) => `if(${mask},${color[c]},${rest})`, '0');
  const alpha = `255*gt(${parts.map(([mask]) => mask).join('+')},0)`;
  return { r: channel(0), g: channel(1), b: channel(2), a: alpha };
}
