// hls.js/light ships no type declarations (STACK.md): it is hls.js with the same API, minus alternate audio,
// subtitle tracks, EME/DRM, CMCD, content steering and interstitials.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
