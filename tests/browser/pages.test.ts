import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type { GraphStore } from '../../src/graph/store.js';
import { startHttp } from '../support/api.js';
import { seededStore } from '../support/stores.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(PROJECT_ROOT, 'tests', 'screenshots');

describe.skipIf(!existsSync(CHROMIUM))(`the pages in a real browser${existsSync(CHROMIUM) ? '' : ` (skipped: ${CHROMIUM} is missing; .ci/run installs it)`}`, () => {
  let store: GraphStore;
  let http: Awaited<ReturnType<typeof startHttp>>;
  let browser: Browser;
  /** Every URL the page requested, to prove nothing left the server. */
  let requested: string[];

  beforeAll(async () => {
    store = await seededStore('kuzu');
    http = await startHttp(store);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await http?.stop();
    await store?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    requested = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => console.error(`page error on ${path}: ${error.message}`));
    await page.goto(`${http.url}${path}`);
    return page;
  }

  const offsite = () => requested.filter((url) => !url.startsWith(http.url) && !url.startsWith('data:') && !url.startsWith('blob:'));

  it('opens the playground with the example tabs, runs one and shows its result', async () => {
    const page = await open('/graphql');
    await page.waitForSelector('.graphiql-tab', { timeout: 30_000 });
    const tabs = await page.locator('.graphiql-tab').count();
    expect(tabs).toBe(6);
    await page.locator('.graphiql-tab').first().click();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('寿阳县人民医院');
    await page.screenshot({ path: join(SCREENSHOTS, 'playground.png') });
    expect(offsite()).toEqual([]);
    await page.close();
  });

  it('searches a Chinese name in the explorer, draws the neighborhood, and shows a clicked node with its evidence', async () => {
    const page = await open('/explore');
    await page.fill('#search', '寿阳县医疗集团');
    const first = page.locator('#results li').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.innerText()).toContain('寿阳县医疗集团');
    await first.click();
    await page.waitForFunction(() => document.body.dataset.state === 'drawn' && (window as any).cy.nodes().length > 3, null, { timeout: 30_000 });
    // Click a real node on the canvas: the county hospital, at its drawn position.
    const target = 'org:寿阳县人民医院';
    const box = (await page.locator('#graph').boundingBox())!;
    const at = await page.evaluate((id) => (window as any).cy.getElementById(id).renderedPosition(), target);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction((id) => document.getElementById('details')?.dataset.id === id, target, { timeout: 30_000 });
    const details = await page.locator('#details').innerText();
    expect(details).toContain('寿阳县人民医院');
    expect(details).toContain('Evidence');
    expect(await page.locator('#details blockquote').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer.png') });
    expect(offsite()).toEqual([]);
    await page.close();
  });
});
