// Builds the browser app and configures the test runner (unit, integration and browser tests).
import react from '@vitejs/plugin-react';
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

const server = `http://localhost:${process.env.SETVISIT_DEV_API_PORT ?? 8080}`;

export default defineConfig({
  plugins: [react(), noXrEmulator()],
  build: {
    target: 'es2020',
    sourcemap: true,
    // three.js and hls.js are single lazy chunks, above Vite's default 500 kB warning by design: they load
    // only when a 360 view opens, never on the first screen.
    chunkSizeWarningLimit: 1_000,
  },
  // `npm run dev`: Vite serves the app with hot reload; the API, feed and tour files come from `npm run serve`.
  server: {
    proxy: {
      '/api': server,
      '/scenes': server,
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
