import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The table benchmark page: built on its own into .cache/bench-table, never into the app
// (the app's vite.config.ts builds renderer/index.html only).
const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  // The app's renderer/public is not wanted here.
  publicDir: false,
  build: {
    outDir: `${here}../../.cache/bench-table`,
    emptyOutDir: true,
    target: 'chrome140',
    rollupOptions: { input: `${here}table-bench.html` },
  },
});
