import { resolve } from 'node:path';

/** Where the bundle is written (git-ignored) and the URL prefix the API serves it under: one place for Vite and the server. */
export const WEB_OUT = resolve(import.meta.dirname, '..', 'dist', 'web');
export const WEB_BASE = '/web/';
