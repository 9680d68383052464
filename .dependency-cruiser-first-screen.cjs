// The TV's first screen loads no three.js and no hls.js: those come with the 360 view, through dynamic imports.
// This pass follows only what the browser loads up front (static imports from the entry and the TV shell's chunk;
// type-only imports compile away), so a static import that drags either in fails here, naming the rule.
// Run by `npm run check:layers` on src/main.tsx and src/shells/tv/TvShell.tsx; the layer rules are in .dependency-cruiser.cjs.
const layers = require('./.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'tv-first-screen-not-three-or-hls',
      comment:
        'The TV first screen (src/main.tsx and the TV shell chunk, followed through static imports) must not reach three, @react-three/*, or hls.js: load them with a dynamic import() when the 360 view opens.',
      severity: 'error',
      from: { path: '^src/(main\\.tsx|shells/tv/TvShell\\.tsx)$' },
      to: { path: '(^|/)node_modules/(three|@react-three/[^/]+|hls\\.js)/', reachable: true },
    },
  ],
  options: {
    ...layers.options,
    tsPreCompilationDeps: false,
    exclude: { path: layers.options.exclude.path, dynamic: true },
  },
};
