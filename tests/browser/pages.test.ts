import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserHarness, HAS_CHROMIUM, SCREENSHOTS, SKIP_NOTE } from './harness.js';

describe.skipIf(!HAS_CHROMIUM)(`the playground and the pages' assets${SKIP_NOTE}`, () => {
  const harness = browserHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('opens the playground on the first example with its variables filled in, and runs it at once', async () => {
    const { page, offsite, errors } = await harness.open('/graphql');
    await page.waitForSelector('.graphiql-tab', { timeout: 30_000 });
    expect(await page.locator('.graphiql-tab').count()).toBe(6);
    expect(await page.locator('.graphiql-tab-active').innerText()).toContain('GroupAndHospitals');
    await expect.poll(() => page.locator('.graphiql-editor-tool .CodeMirror').first().innerText()).toContain('org:寿阳县医疗集团');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 30_000 }).toContain('寿阳县人民医院');
    expect(await page.locator('nav.pages a').allInnerTexts()).toEqual(['GraphQL playground', 'Explorer', 'Dashboard']);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground.png') });
    expect(await page.locator('body').innerText()).not.toContain('Error fetching schema');
    expect(errors).toEqual([]);
    expect(offsite()).toEqual([]);
  });

  it('shows the schema in the Docs panel and completes field names as one types', async () => {
    const { page, errors } = await harness.open('/graphql');
    await page.waitForSelector('.graphiql-tab', { timeout: 30_000 });
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).click();
    await expect.poll(() => docs.innerText(), { timeout: 30_000 }).toMatch(/organizations[\s\S]*search/);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-docs.png') });

    await page.locator('.graphiql-tab-add').click();
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('{ org');
    const hints = page.locator('.CodeMirror-hints li');
    await expect
      .poll(() => hints.allInnerTexts(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['organization', 'organizations', 'organizationTree']));
    expect(errors).toEqual([]);
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
