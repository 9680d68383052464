// Owns finding font files for the labels burnt into the sample footage.
import { existsSync } from 'node:fs';

export interface LabelFonts {
  /** Font for the Chinese line (and everything else if nothing better is found); null = ask fontconfig for "Sans". */
  cjk: string | null;
  /** Whether `cjk` can actually draw Chinese; false means the labels will show boxes for the Chinese line. */
  hasCjk: boolean;
  latin: string | null;
  mono: string | null;
}

// Debian/Ubuntu (fonts-noto-cjk), Fedora, Arch and Homebrew-ish locations, bold first: labels need weight.
const CJK_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
];
const LATIN_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf',
];
const MONO_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf',
  '/usr/share/fonts/TTF/DejaVuSansMono-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSansMono-Bold.ttf',
];

const firstExisting = (paths: readonly string[]): string | null => paths.find((p) => existsSync(p)) ?? null;

/** `cjkOverride` (e.g. from an env var) wins if it exists; DejaVu stands in when no CJK font is installed. */
export function findLabelFonts(cjkOverride?: string): LabelFonts {
  const latin = firstExisting(LATIN_CANDIDATES);
  const mono = firstExisting(MONO_CANDIDATES) ?? latin;
  const cjk = firstExisting([...(cjkOverride ? [cjkOverride] : []), ...CJK_CANDIDATES]);
  if (cjk) return { cjk, hasCjk: true, latin: cjk, mono };
  return { cjk: latin, hasCjk: false, latin, mono };
}
