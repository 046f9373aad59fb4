import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Beyond the usual checks, this file enforces the architecture (docs/ARCHITECTURE.md and the README's "How it is built"):
//   shared/            pure TypeScript: no Node, no DOM, no Electron, no React, no database;
//                      its domains apart (DOMAINS_APART: planning never imports risks, nor metrics planning)
//   electron/backend, electron/host, electron/cli: never 'electron'
//   renderer/          only shared/, its own files and browser libraries: no Node, no Electron, no backend
//   electron/main, electron/preload: the only places allowed to import 'electron'

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2',
  'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'stream/promises', 'tls', 'url', 'util',
  'v8', 'vm', 'worker_threads', 'zlib',
];

const noElectron = { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import Electron.' };
const noNode = [
  { group: ['node:*'], message: 'This layer must not use Node built-ins.' },
  ...NODE_BUILTINS.map((name) => ({ group: [name], message: 'This layer must not use Node built-ins.' })),
];

const SHARED_PATTERNS = [
  noElectron,
  ...noNode,
  { group: ['better-sqlite3', 'react', 'react-dom', '@mui/*', 'victory', 'papaparse'], message: 'shared/ holds pure domain code only.' },
  { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not depend on the layers built on it.' },
];

/**
 * Domains of shared/ and the ones each may not import (docs/ARCHITECTURE.md): planning, risks and
 * forecasts arrive as modules of their own, not as growth of metrics or coordination, and the Plan
 * page's risks are joined outside both (shared/joins).
 */
const DOMAINS_APART = {
  metrics: ['planning', 'risks', 'forecast', 'coordination', 'joins', 'report'],
  coordination: ['planning', 'risks', 'forecast', 'joins', 'report'],
  planning: ['risks', 'forecast', 'joins', 'report'],
  risks: ['planning', 'forecast', 'joins', 'report'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'scratch/**', 'bench/data/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: SHARED_PATTERNS }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', 'localStorage', '__dirname'],
    },
  },
  // Each domain keeps to itself (a flat config's later rule replaces the one above for these files, so it repeats it).
  ...Object.entries(DOMAINS_APART).map(([domain, others]) => ({
    files: [`shared/${domain}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...SHARED_PATTERNS, { group: others.map((other) => `**/${other}/**`), message: `shared/${domain} must not import ${others.join(', ')}: a join of two domains lives in shared/joins (or the report), not inside either.` }] },
      ],
    },
  })),
  {
    files: ['electron/backend/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noElectron, { group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'Backend layers must not reach into the UI or the Electron shell.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            ...noNode,
            { group: ['better-sqlite3', 'papaparse'], message: 'The renderer talks to data only through the contract client.' },
            { group: ['**/electron/**'], message: 'The renderer talks to the backend only through the contract (renderer/src/api).' },
          ],
          paths: [{ name: 'victory', message: 'Import Victory from renderer/src/charts/victory.ts, which sets how it measures labels before any chart draws.' }],
        },
      ],
    },
  },
  {
    // The one module that imports Victory itself (see the rule above).
    files: ['renderer/src/charts/victory.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, ...noNode] }] },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/backend/**', 'better-sqlite3'], message: 'The preload only forwards calls; it holds no backend code.' }] }],
    },
  },
);
