import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserHarness, HAS_CHROMIUM, SKIP_NOTE } from './harness.js';

describe.skipIf(!HAS_CHROMIUM)(`the pages' assets and routes${SKIP_NOTE}`, () => {
  const harness = browserHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('serves assets compressed, with cache headers and content types, and a favicon', async () => {
    const get = (path: string, encoding = 'br, gzip') => fetch(`${harness.url}${path}`, { headers: { 'accept-encoding': encoding } });
    const playground = await (await fetch(`${harness.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    const editor = /src="(\/web\/assets\/playground-[^"]+\.js)"/.exec(playground)?.[1];
    expect(editor).toBeDefined();
    const graphiql = await get(editor!);
    expect(graphiql.headers.get('content-encoding')).toBe('br');
    expect(graphiql.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get(editor!, 'gzip')).headers.get('content-encoding')).toBe('gzip');

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

  it('serves /graphql as the playground to a browser, with or without an operation, and as the API to clients asking for JSON', async () => {
    const page = (path: string) => fetch(`${harness.url}${path}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    for (const path of ['/', '/graphql', '/graphql?query=%7B__typename%7D']) {
      const response = await page(path);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("worker-src 'self';");
      expect(await response.text()).toContain('<title>Health graph · GraphQL playground</title>');
    }
    expect((await page('/graphql')).headers.get('vary')).toBe('accept, accept-encoding');
    for (const accept of ['application/json', 'application/graphql-response+json, text/html', '*/*']) {
      const api = await fetch(`${harness.url}/graphql?query=%7B__typename%7D`, { headers: { accept, 'apollo-require-preflight': 'true' } });
      expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
    }
  });
});
