// Lint rules for the whole repo: type-aware TypeScript rules plus the React hooks rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  // public/ holds media (HLS segments, posters), dist/ and data/ are generated.
  // test/bench/peers holds the peer viewers' plain-JS pages, their own install and builds: not the app's code.
  // The dependency-cruiser configs are CommonJS data its CLI loads; test/architecture/layers.test.ts proves them.
  { ignores: ['dist/', 'public/', 'data/', 'node_modules/', 'test/.artifacts/', 'test/bench/peers/', 'test/bench/.out/', '.dependency-cruiser*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
);
