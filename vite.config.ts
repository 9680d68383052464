// Builds the browser app and configures the test runner (unit, integration and browser tests).
import react from '@vitejs/plugin-react';
import legacy from '@vitejs/plugin-legacy';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * @react-three/xr's store keeps `import('./emulate.js')` (IWER, its DevUI and rooms: ~1.7 MB) even with
 * `emulate: false`. The product never emulates (tests install IWER themselves), so that import resolves to a stub
 * and none of it is written to dist/.
 */
function noXrEmulator(): Plugin {
  const stub = '\0setvisit:no-xr-emulator';
  return {
    name: 'setvisit:no-xr-emulator',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './emulate.js' && importer?.replaceAll('\\', '/').includes('/@pmndrs/xr/dist/')) return stub;
      return null;
    },
    load(id) {
      return id === stub ? "export function emulate() { throw new Error('the XR emulator is not part of this build'); }" : null;
    },
  };
}

/**
 * three.js imported from its source modules (see `resolve.alias`) carries its shader chunks with the comments and
 * indentation that its own one-file build strips; strip them the same way (comments, indentation, blank lines),
 * keeping every line break, which GLSL's preprocessor needs.
 */
function minifyThreeShaders(): Plugin {
  const minify = (glsl: string) =>
    glsl
      .replace(/\r/g, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/[ \t]*\/\/.*$/gm, '')
      .replace(/^[ \t]+/gm, '')
      .replace(/\n{2,}/g, '\n')
      .trim();
  return {
    name: 'setvisit:three-shaders',
    transform(code, id) {
      if (!/[\\/]three[\\/]src[\\/].*\.glsl\.js$/.test(id)) return null;
      return { code: code.replace(/\/\* glsl \*\/`([^`]*)`/g, (_match, glsl: string) => `\`${minify(glsl)}\``), map: null };
    },
  };
}

const server = `http://localhost:${process.env.SETVISIT_DEV_API_PORT ?? 8080}`;

export default defineConfig({
  resolve: {
    alias: [
      // three.js from its source modules, not its one-file build: the desktop and TV views (plain three,
      // named imports) then load only the modules they use, while R3F in the XR shell (which imports all of
      // three) takes the rest from chunks of its own. One copy of three either way.
      { find: /^three$/, replacement: 'three/src/Three.js' },
    ],
  },
  plugins: [
    react(),
    noXrEmulator(),
    minifyThreeShaders(),
    // 2018 TVs (Tizen 4: Chromium 56, webOS 4: Chromium 53) have no ES modules: they load SystemJS chunks through
    // nomodule scripts, syntax lowered to ES2015 (test/tv/legacy-build.test.ts parses every one) with the
    // polyfills they use. Browsers with modules but without the "widely available" set (dynamic import, async
    // generators, import.meta.resolve: Chromium < 105, e.g. 2020–2022 TVs) take the same legacy chunks at run time.
    // 'chrome >= 51', not 53: Chromium 52 added ES2016's `**`; lowering it too keeps every legacy chunk strict
    // ES2015, which the test can hold the build to.
    legacy({ targets: ['chrome >= 51'] }),
  ],
  build: {
    // No `target`: plugin-legacy sets the modern chunks' (browsers with dynamic import, async generators and
    // import.meta.resolve); everything older gets the legacy chunks.
    sourcemap: true,
    // three.js and hls.js are single lazy chunks, above Vite's default 500 kB warning by design: they load
    // only when a 360 view opens, never on the first screen.
    chunkSizeWarningLimit: 1_000,
    // dist/.vite/manifest.json: the TV budget tests follow the entry's imports through it.
    manifest: true,
  },
  // `npm run dev`: Vite serves the app with hot reload; the API, feed and tour files come from `npm run serve`.
  server: {
    proxy: {
      '/api': server,
      '/scenes': server,
      // Meet-up streams: live playlists and their replays (src/server/live-hls).
      '/live': server,
      '/replay': server,
      '/socket.io': { target: server, ws: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/setup/summary-reporter.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser tests drive one Chromium each and SwiftShader is CPU-bound: run files one or two at a time.
    maxWorkers: 2,
  },
});
