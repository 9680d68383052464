// The invite link as a QR code (lean-qr: a kept library, not hand-written), drawn as one SVG path so it stays sharp
// at any size and prints.
import { useMemo } from 'react';
import { generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

export function InviteQr({ link, label }: { link: string; label: string }) {
  const code = useMemo(() => generate(link), [link]);
  const path = useMemo(() => toSvgPath(code), [code]);
  return (
    <svg className="circle__qr" role="img" aria-label={label} viewBox={`-2 -2 ${code.size + 4} ${code.size + 4}`} data-testid="circle-qr" shapeRendering="crispEdges">
      <rect x={-2} y={-2} width={code.size + 4} height={code.size + 4} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
