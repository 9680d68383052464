// A drawn icon from path data on a 32×32 grid (the reactions' shapes): decorative, its meaning is in the label
// beside it or the button's aria-label.
import type { ShapePart } from '../meetup/reaction-shapes';

export function ShapeIcon({ parts, size = '1.2em', className }: { parts: readonly ShapePart[]; size?: string; className?: string }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" className={className} style={{ verticalAlign: '-0.2em' }}>
      {parts.map((part, i) => (
        <path key={i} d={part.d} fill={part.fill} />
      ))}
    </svg>
  );
}
