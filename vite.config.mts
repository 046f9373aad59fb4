import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one static build (dist/renderer) served by Electron's app:// protocol and by
// the browser host alike. Relative asset paths keep it working under both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
});
