import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config.js';
import type { GraphStore } from '../../src/graph/store.js';
import { buildWeb } from '../../web/build.js';
import { startHttp } from '../support/api.js';
import { seededStore } from '../support/stores.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(PROJECT_ROOT, 'tests', 'screenshots');
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_NOTE = HAS_CHROMIUM ? '' : ` (skipped: ${CHROMIUM} is missing; .ci/run installs it)`;

/** A page opened by a test, with what it requested and what went wrong in it. */
export interface OpenedPage {
  page: Page;
  /** Every URL the page requested, to prove nothing left the server. */
  requested: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests that left this server (none expected). */
  offsite: () => string[];
}

/**
 * The seeded embedded graph served over HTTP and a headless Chromium, for one test file. The pages'
 * bundle is built first when a source changed since the last build.
 */
export function browserHarness() {
  let store: GraphStore;
  let http: Awaited<ReturnType<typeof startHttp>>;
  let browser: Browser;
  const pages: Page[] = [];

  return {
    get url() {
      return http.url;
    },
    async start() {
      await buildWeb({ ifStale: true });
      store = await seededStore('kuzu');
      http = await startHttp(store);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      mkdirSync(SCREENSHOTS, { recursive: true });
    },
    async stop() {
      for (const page of pages) await page.close().catch(() => undefined);
      await browser?.close();
      await http?.stop();
      await store?.close();
    },
    /**
     * Opens a path of the server at a viewport size (desktop unless given) in a browser context of its
     * own (nothing stored by another page), with any other context options (touch, permissions).
     */
    async open(path: string, viewport = { width: 1400, height: 900 }, options: BrowserContextOptions = {}): Promise<OpenedPage> {
      const page = await browser.newPage({ viewport, locale: 'en-US', ...options });
      pages.push(page);
      const requested: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      await page.goto(`${http.url}${path}`);
      return {
        page,
        requested,
        errors,
        offsite: () => requested.filter((url) => !url.startsWith(http.url) && !url.startsWith('data:') && !url.startsWith('blob:')),
      };
    },
  };
}
