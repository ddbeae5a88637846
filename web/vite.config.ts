import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { WEB_BASE, WEB_OUT } from './paths.js';

// A multi-page build: each page is an HTML entry; shared code (client, i18n, colours) becomes shared chunks.
export default defineConfig({
  root: import.meta.dirname,
  base: WEB_BASE,
  publicDir: resolve(import.meta.dirname, 'public'),
  logLevel: 'warn',
  build: {
    outDir: WEB_OUT,
    emptyOutDir: true,
    target: 'es2022',
    // Hashed names let the server cache them for a year; the manifest lists every file it may serve.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        explorer: resolve(import.meta.dirname, 'explorer', 'index.html'),
        dashboard: resolve(import.meta.dirname, 'dashboard', 'index.html'),
      },
    },
  },
});
