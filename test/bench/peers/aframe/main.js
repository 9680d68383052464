// A-Frame's a-videosphere showing the tour's first location through hls.js. A-Frame has no tours, so the
// benchmark measures no location switch here.
import Hls from 'hls.js';
import { loadTour } from '../tour.js';

const tour = await loadTour();
const start = tour.locations.find((l) => l.id === tour.start);
const video = document.getElementById('footage');
if (Hls.isSupported()) {
  const hls = new Hls({ startLevel: 0 });
  hls.loadSource(start.stream);
  hls.attachMedia(video);
} else {
  video.src = start.stream;
}
video.play().catch(() => undefined);

window.__bench = {
  renderer: () => document.querySelector('a-scene').renderer,
  switchTo: null,
};
