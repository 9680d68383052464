// Photo Sphere Viewer 5 as a user would set it up for the sample tour: the video adapter and plugin, the
// virtual-tour plugin with the tour's locations as nodes and its hotspots as links, and hls.js attached to each
// node's <video> (PSV plays MP4 by itself, HLS only through a video element it is handed).
import { Viewer } from '@photo-sphere-viewer/core';
import '@photo-sphere-viewer/core/index.css';
import { EquirectangularVideoAdapter } from '@photo-sphere-viewer/equirectangular-video-adapter';
import { VideoPlugin } from '@photo-sphere-viewer/video-plugin';
import '@photo-sphere-viewer/video-plugin/index.css';
import { VirtualTourPlugin } from '@photo-sphere-viewer/virtual-tour-plugin';
import '@photo-sphere-viewer/virtual-tour-plugin/index.css';
import Hls from 'hls.js';
import { loadTour } from '../tour.js';

const tour = await loadTour();
const players = new Map();

/** A muted looping <video> with hls.js (or the browser's HLS) playing `src`; the previous node's is destroyed. */
function hlsVideo(src) {
  for (const hls of players.values()) hls.destroy();
  players.clear();
  const video = document.createElement('video');
  video.crossOrigin = 'anonymous';
  video.muted = true;
  video.loop = true;
  video.playsInline = true;
  if (Hls.isSupported()) {
    const hls = new Hls({ startLevel: 0 });
    hls.loadSource(src);
    hls.attachMedia(video);
    players.set(video, hls);
  } else {
    video.src = src;
  }
  return video;
}

const viewer = new Viewer({
  container: 'viewer',
  adapter: EquirectangularVideoAdapter.withConfig({ autoplay: true, muted: true }),
  navbar: ['video', 'zoom', 'fullscreen'],
  plugins: [
    VideoPlugin,
    VirtualTourPlugin.withConfig({
      positionMode: 'manual',
      renderMode: '3d',
      dataMode: 'server',
      startNodeId: tour.start,
      getNode: (id) => {
        const location = tour.locations.find((l) => l.id === id);
        return {
          id,
          name: location.name.en,
          panorama: { source: hlsVideo(location.stream) },
          links: location.hotspots.map((h) => ({ nodeId: h.target, position: { yaw: `${h.yaw}deg`, pitch: `${h.pitch}deg` } })),
        };
      },
    }),
  ],
});

// The benchmark moves between locations through the plugin, as a click on a link does.
window.__bench = {
  viewer,
  renderer: () => viewer.renderer.renderer,
  switchTo: (id) => viewer.getPlugin(VirtualTourPlugin).setCurrentNode(id),
};
