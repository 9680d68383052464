// A name (or a cue's words) on a pill, as a canvas texture on a plane: readable in the headset, drawn only when the
// words change. Drawn over the footage (no depth test) so the sphere never hides it.
import { useEffect } from 'react';
import { useI18n } from '../../../react/AppContext';
import { useCanvasTexture } from '../useCanvasTexture';
import { LABEL_CANVAS, layoutNameLabel } from './circle-drawings';

/** `width` in metres; `canvasWidth` in pixels (a name fits 512, a cue's sentence 1024), always 128 px high. */
export function NameLabel({ text, tone, width, canvasWidth = LABEL_CANVAS.width, position }: { text: string; tone: 'member' | 'cue'; width: number; canvasWidth?: number; position?: [number, number, number] }) {
  const { language } = useI18n();
  const surface = useCanvasTexture(canvasWidth, LABEL_CANVAS.height);
  useEffect(() => surface.paint(layoutNameLabel(text, language, surface.measure, tone, canvasWidth)), [surface, text, language, tone, canvasWidth]);
  return (
    <mesh position={position} renderOrder={5}>
      <planeGeometry args={[width, (width * LABEL_CANVAS.height) / canvasWidth]} />
      <meshBasicMaterial map={surface.texture} transparent depthTest={false} depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
