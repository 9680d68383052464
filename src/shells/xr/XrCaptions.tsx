// Captions of the location on screen, head-locked in the lower part of the view (1.4 m ahead, 0.3 m down, about
// 40° wide), in the UI language. As on the desktop, the browser parses and times the WebVTT cues through a hidden
// <track> on the location's video; only the text is drawn, onto a canvas, when the cue changes.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Matrix4, type Mesh } from 'three';
import { useCaptionCue } from '../../react/useCaptionCue';
import type { CaptionTrack } from '../../protocol/tour-schema';
import { layoutCaption } from '../../xr/panel-layout';
import type { HeadPose } from './head-pose';
import { useCanvasTexture } from './useCanvasTexture';

const CANVAS: [number, number] = [1024, 224];
const WIDTH_M = 1.1;
const OFFSET = new Matrix4().makeTranslation(0, -0.3, -1.4);

export function XrCaptions({ video, tracks, head, onText }: { video: HTMLVideoElement; tracks: CaptionTrack[]; head: HeadPose; onText?: (text: string) => void }) {
  const { text, track } = useCaptionCue(video, tracks);
  const surface = useCanvasTexture(...CANVAS);
  useEffect(() => {
    if (text && track) surface.paint(layoutCaption(text, track.language, surface.measure, ...CANVAS));
    onText?.(text);
  }, [text, track, surface, onText]);

  const mesh = useRef<Mesh>(null);
  const matrix = useMemo(() => new Matrix4(), []);
  useFrame(() => {
    if (!mesh.current) return;
    // The head pose of this very frame, so the captions do not lag or swim as the head turns.
    mesh.current.matrix.copy(matrix.multiplyMatrices(head.matrix, OFFSET));
    mesh.current.matrixWorldNeedsUpdate = true;
  });

  return (
    <mesh ref={mesh} visible={text !== ''} matrixAutoUpdate={false} renderOrder={4}>
      <planeGeometry args={[WIDTH_M, (WIDTH_M * CANVAS[1]) / CANVAS[0]]} />
      <meshBasicMaterial map={surface.texture} transparent depthTest={false} depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
