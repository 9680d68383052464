// Which display rate to ask the headset for. Higher is smoother and more comfortable, but 360 footage runs at
// 25–30 fps and every extra rendered frame costs battery and heat; 120 Hz buys nothing for video. So: the highest
// rate the headset offers up to a ceiling of 90 Hz (72 on Quest 2 when that is all it has, 90 on Quest 3).

export const FRAME_RATE_CEILING_HZ = 90;

/** The rate to request, or false to leave the headset's default alone (nothing offered). */
export function chooseFrameRate(supported: ArrayLike<number> | null | undefined, ceiling = FRAME_RATE_CEILING_HZ): number | false {
  const rates = Array.from(supported ?? []).filter((rate) => Number.isFinite(rate) && rate > 0);
  if (rates.length === 0) return false;
  const allowed = rates.filter((rate) => rate <= ceiling);
  // Every offered rate is above the ceiling: take the gentlest one.
  return allowed.length > 0 ? Math.max(...allowed) : Math.min(...rates);
}
