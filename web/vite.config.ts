import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { WEB_BASE, WEB_OUT } from './paths.js';

// A multi-page build: each page is an HTML entry; shared code (client, i18n, colours) becomes shared chunks.
export default defineConfig({
  root: import.meta.dirname,
  base: WEB_BASE,
  publicDir: resolve(import.meta.dirname, 'public'),
  logLevel: 'warn',
  // Monaco's workers (the playground's editors) are built as files of their own under assets/, served by
  // this server: the pages' policy allows workers from 'self' only. Modules, as the page's own code.
  worker: { format: 'es' },
  build: {
    outDir: WEB_OUT,
    emptyOutDir: true,
    target: 'es2022',
    // Hashed names let the server cache them for a year; the manifest lists every file it may serve.
    manifest: true,
    // Monaco's editor (the playground's) is one chunk of about 1.8 MB; the pages' own stay well below.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // Packages GraphiQL uses mark modules "use client" for React server rendering, which a page does not do.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        explorer: resolve(import.meta.dirname, 'explorer', 'index.html'),
        dashboard: resolve(import.meta.dirname, 'dashboard', 'index.html'),
        playground: resolve(import.meta.dirname, 'playground', 'index.html'),
      },
    },
  },
});
