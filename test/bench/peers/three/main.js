// The plainest 360 video page: three.js's own video-sphere recipe (an inside-out sphere with a VideoTexture, as in
// three.js's webgl_video_panorama_equirectangular example) drawing the whole window, hls.js on the <video>. No tours:
// the tour's start location only, so the benchmark measures no location switch here.
import Hls from 'hls.js';
import { Mesh, MeshBasicMaterial, PerspectiveCamera, Scene, SphereGeometry, SRGBColorSpace, VideoTexture, WebGLRenderer } from 'three';
import { loadTour } from '../tour.js';

const tour = await loadTour();
const start = tour.locations.find((l) => l.id === tour.start);

const video = document.createElement('video');
video.crossOrigin = 'anonymous';
video.muted = true;
video.loop = true;
video.playsInline = true;
if (Hls.isSupported()) {
  const hls = new Hls({ startLevel: 0 });
  hls.loadSource(start.stream);
  hls.attachMedia(video);
} else {
  video.src = start.stream;
}
video.play().catch(() => undefined);

const renderer = new WebGLRenderer({ antialias: false });
renderer.setPixelRatio(window.devicePixelRatio);
renderer.setSize(window.innerWidth, window.innerHeight);
document.body.appendChild(renderer.domElement);
const camera = new PerspectiveCamera(75, window.innerWidth / window.innerHeight, 1, 1100);
const scene = new Scene();
const geometry = new SphereGeometry(500, 60, 40);
geometry.scale(-1, 1, 1);
const texture = new VideoTexture(video);
texture.colorSpace = SRGBColorSpace;
scene.add(new Mesh(geometry, new MeshBasicMaterial({ map: texture })));
window.addEventListener('resize', () => {
  camera.aspect = window.innerWidth / window.innerHeight;
  camera.updateProjectionMatrix();
  renderer.setSize(window.innerWidth, window.innerHeight);
});
renderer.setAnimationLoop(() => renderer.render(scene, camera));

window.__bench = { renderer: () => renderer, switchTo: null };
