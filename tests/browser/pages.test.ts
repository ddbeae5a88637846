import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserHarness, HAS_CHROMIUM, SCREENSHOTS, SKIP_NOTE } from './harness.js';

describe.skipIf(!HAS_CHROMIUM)(`the playground and the pages' assets${SKIP_NOTE}`, () => {
  const harness = browserHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('opens the playground with the example tabs, runs one and shows its result', async () => {
    const { page, offsite } = await harness.open('/graphql');
    await page.waitForSelector('.graphiql-tab', { timeout: 30_000 });
    const tabs = await page.locator('.graphiql-tab').count();
    expect(tabs).toBe(6);
    await page.locator('.graphiql-tab').first().click();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('寿阳县人民医院');
    expect(await page.locator('nav.pages a').allInnerTexts()).toEqual(['GraphQL playground', 'Explorer', 'Dashboard']);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground.png') });
    expect(offsite()).toEqual([]);
  });

  it('serves assets compressed, with cache headers and content types, and a favicon', async () => {
    const get = (path: string, encoding = 'br, gzip') => fetch(`${harness.url}${path}`, { headers: { 'accept-encoding': encoding } });
    const graphiql = await get('/assets/graphiql.js');
    expect(graphiql.headers.get('content-encoding')).toBe('br');
    expect(graphiql.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(graphiql.headers.get('cache-control')).toContain('max-age=3600');
    // fetch decodes: the body is whole, though it travelled compressed.
    expect((await graphiql.text()).length).toBeGreaterThan(900_000);
    expect((await get('/assets/graphiql.js', 'gzip')).headers.get('content-encoding')).toBe('gzip');

    const html = await (await get('/explore')).text();
    const script = /src="(\/web\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await get(script!);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(bundle.headers.get('content-encoding')).toBe('br');
    expect((await get('/explore')).headers.get('cache-control')).toBe('no-cache');

    const etag = bundle.headers.get('etag')!;
    expect((await fetch(`${harness.url}${script}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('/web/..%2fpackage.json')).status).toBe(404);
    expect((await get('/web/.vite/manifest.json')).status).toBe(404);
  });
});
