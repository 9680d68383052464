// The layer rules of src/ (docs/architecture.md draws them), held by `npm run check:layers`, which `npm test` runs.
// A broken rule fails with its name and the import that broke it. Paths are relative to the folder cruised from
// (the repository; test/architecture/ cruises its fixture folders with the same rules).
//
// core      the framework-free capabilities: plain TypeScript, no React and no shell
// bindings  src/react/ (hooks, context) and src/shells/<shell>/ (the views); src/shells/shared/ is what shells share
// server    src/server/: speaks to clients through src/protocol/ only
// tools     src/tools/: Node-only (ffmpeg pipeline, scenes:check); nothing in the app imports them
//
// The TV's first screen (no three.js, no hls.js before the 360 view is opened) is checked by a second pass that
// follows static imports only: .dependency-cruiser-first-screen.cjs.

/** The core folders. src/view/ is the view direction's folder; the rule holds whether it exists yet or not. */
const CORE = '^src/(protocol|feed|store|media|tour|panorama|view|attention|circles|pairing|tv|xr|meetup|i18n|app)/';
/** React, react-dom, @react-three/* (R3F, XR): the binding layer's libraries. */
const REACT = '(^|/)node_modules/(react|react-dom|@react-three/[^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-react',
      comment:
        'The core is framework-free: no React, react-dom or @react-three/* (R3F, XR) in src/protocol, feed, store, media, tour, panorama, view, tv, xr, meetup, i18n or app. Put the React side in src/react/ or the shell.',
      severity: 'error',
      from: { path: CORE },
      to: { path: REACT },
    },
    {
      name: 'core-not-bindings',
      comment: 'The core does not know its bindings: no import of src/react/ or src/shells/ from a core folder (shells import the core, never the other way round).',
      severity: 'error',
      from: { path: CORE },
      to: { path: '^src/(react|shells)/' },
    },
    {
      name: 'shell-not-other-shell',
      comment: 'A shell does not import another shell: what two shells share goes to src/shells/shared/, which both import.',
      severity: 'error',
      from: { path: '^src/shells/([^/]+)/' },
      to: { path: '^src/shells/', pathNot: ['^src/shells/$1/', '^src/shells/shared/'] },
    },
    {
      name: 'shared-not-a-shell',
      comment: 'src/shells/shared/ is imported by shells and imports none of them.',
      severity: 'error',
      from: { path: '^src/shells/shared/' },
      to: { path: '^src/shells/', pathNot: '^src/shells/shared/' },
    },
    {
      name: 'server-only-protocol',
      comment:
        'The reference server imports nothing of the client but src/protocol/ (plus its own files, Node builtins and npm packages): a platform replacing it speaks the protocol alone.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/', pathNot: '^src/(server|protocol)/' },
    },
    {
      name: 'runtime-not-tools',
      comment: 'src/tools/ is Node-only (ffmpeg, the file system): the app and the server never import it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/tools/' },
      to: { path: '^src/tools/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|public)/' },
    // Type-only imports count too: the core should not even know React's types.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
