// The phone link as a QR code (lean-qr, the kept library the circle invite uses), one SVG path: sharp at 10 feet.
import { useMemo } from 'react';
import { generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

export function TvPairingQr({ link, label }: { link: string; label: string }) {
  const code = useMemo(() => generate(link), [link]);
  const path = useMemo(() => toSvgPath(code), [code]);
  return (
    <svg className="tv-pairing__qr" role="img" aria-label={label} viewBox={`-3 -3 ${code.size + 6} ${code.size + 6}`} data-testid="tv-pairing-qr" data-link={link} shapeRendering="crispEdges">
      <rect x={-3} y={-3} width={code.size + 6} height={code.size + 6} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
