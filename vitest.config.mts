import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The CLI keeps automatic backups in the user's state folder: tests (and the processes they start)
// keep theirs in a folder of this run instead of the home directory.
const env = { INTERLOCK_HOME: join(tmpdir(), `interlock-vitest-home-${process.pid}`) };

// Unit tests (shared/, backend pieces, renderer components) and integration tests (the backend on
// real temporary files). Playwright owns tests/e2e.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/renderer/**'],
          environment: 'node',
          env,
          // A few unit tests read the whole source tree (layering) or run many trials; a loaded 2-core machine needs the room.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          env,
          // Rendering hundreds of rows in happy-dom takes a second alone and several on a loaded 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
