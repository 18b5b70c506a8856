import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is plain web code: served from app:// in Electron and from 127.0.0.1 in
// browser mode. Relative asset paths let both hosts serve the same build.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome140',
  },
});
