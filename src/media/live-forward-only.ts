// A live stream only ever moves forward. hls.js resynchronises a live stream that it finds outside its playlist's
// window by jumping to its "live sync position", three segments behind the edge; when the playlist stops moving
// (the live source paused) the playhead reaches the frozen edge and that jump goes backwards, replaying footage the
// person has just seen (and jumping forward again when the playlist moves). Hiding a sync position that lies
// behind the playhead keeps every forward resync and drops the backward ones.
import type Hls from 'hls.js';

export function keepLiveForwardOnly(hls: Hls, video: HTMLVideoElement): void {
  const prototype = Object.getPrototypeOf(hls) as object;
  if (!Object.getOwnPropertyDescriptor(prototype, 'liveSyncPosition')?.get) return;
  // Reflect.get with the instance as receiver runs the prototype's getter on it (the instance's own one is this).
  const syncPosition = (): number | null => Reflect.get(prototype, 'liveSyncPosition', hls) as number | null;
  Object.defineProperty(hls, 'liveSyncPosition', {
    configurable: true,
    get(): number | null {
      const position = syncPosition();
      // Before the first frame the playhead is at 0 and every position is ahead of it: the start still syncs.
      return position !== null && position < video.currentTime ? null : position;
    },
  });
}
