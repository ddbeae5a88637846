import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserHarness, HAS_CHROMIUM, SCREENSHOTS, SKIP_NOTE } from './harness.js';

/** The regions of the playground the tests read: the operation and variables editors, the answer and its status line. */
const OPERATION = '.monaco-editor[data-uri$="-operation.graphql"]';
const VARIABLES = '.monaco-editor[data-uri$="-variables.json"]';
const ANSWER = '.result-window';
const STATUS = '.playground-answer';

/** What an editor shows (Monaco draws spaces as no-break spaces). */
const shown = (page: Page, region: string) =>
  page
    .locator(`${region} .view-lines`)
    .first()
    .innerText()
    .then((text) => text.replace(/\u00a0/g, ' '));

/** Waits for GraphiQL, its schema and its editors. */
async function ready(page: Page): Promise<void> {
  await page.waitForSelector('.graphiql-tab', { timeout: 30_000 });
  await page.locator(`${OPERATION} .view-lines`).waitFor({ timeout: 30_000 });
}

/** Pastes `text` over an editor's whole text (the page needs the clipboard permissions). */
async function pasteOver(page: Page, region: string, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  await page.locator(region).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** A browser context allowed to use the clipboard. */
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/** The GraphQL requests the page POSTs, as sent. */
function sentBodies(page: Page): { query: string; operationName?: string; variables?: unknown }[] {
  const bodies: { query: string; operationName?: string }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/graphql')) bodies.push(request.postDataJSON());
  });
  return bodies;
}

/** The status line's parts: "200 · 182 ms · 3.4 KB". */
const STATUS_LINE = /^(\d{3}) · (\d+) ms · ([\d.]+ (?:B|KB|MB))$/;

describe.skipIf(!HAS_CHROMIUM)(`the GraphQL playground${SKIP_NOTE}`, () => {
  const harness = browserHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('opens on the first example with its variables, runs it with its time and size shown, and loads nothing from elsewhere', async () => {
    const { page, offsite, errors, requested } = await harness.open('/graphql');
    await ready(page);
    expect(await page.locator('.graphiql-tab').count()).toBe(6);
    expect(await page.locator('.graphiql-tab-active').innerText()).toContain('GroupAndHospitals');
    await expect.poll(() => shown(page, VARIABLES)).toContain('org:寿阳县医疗集团');
    expect(await page.locator(STATUS).innerText()).toBe('');

    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => shown(page, ANSWER), { timeout: 30_000 }).toContain('寿阳县人民医院');
    await expect.poll(() => page.locator(STATUS).innerText()).toMatch(STATUS_LINE);
    const [, status, ms, size] = STATUS_LINE.exec(await page.locator(STATUS).innerText())!;
    expect(status).toBe('200');
    expect(Number(ms)).toBeGreaterThan(0);
    // The size is the answer's, as the API sends it for the same request.
    const examples = await (await fetch(`${harness.url}/playground/examples.json`)).json();
    const answer = await fetch(`${harness.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: examples[0].query, variables: JSON.parse(examples[0].variables), operationName: 'GroupAndHospitals' }),
    });
    expect(size).toBe(`${((await answer.arrayBuffer()).byteLength / 1024).toFixed(1)} KB`);

    expect(await page.locator('nav#pages a').allInnerTexts()).toEqual(['Explorer', 'Dashboard', 'GraphQL playground']);
    expect(await page.locator('nav#pages a[aria-current="page"]').getAttribute('href')).toBe('/graphql');
    await page.screenshot({ path: join(SCREENSHOTS, 'playground.png') });
    // Monaco's editor, JSON and GraphQL workers are files of this server's bundle.
    const workers = requested.filter((url) => url.includes('.worker-'));
    expect(new Set(workers.map((url) => /\/(\w+)\.worker-/.exec(url)?.[1]))).toEqual(new Set(['editor', 'json', 'graphql']));
    expect(workers.every((url) => url.startsWith(`${harness.url}/web/assets/`))).toBe(true);
    expect(errors).toEqual([]);
    expect(offsite()).toEqual([]);
  });

  it("shows the schema's descriptions in the Docs panel and completes field names as one types", async () => {
    const { page, errors } = await harness.open('/graphql');
    await ready(page);
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).click();
    await expect.poll(() => docs.innerText(), { timeout: 30_000 }).toContain('Organizations, a page at a time.');
    await docs.getByText('organizations', { exact: true }).first().click();
    await expect.poll(() => docs.innerText()).toContain('Page size, from 0 to 100.');
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-docs.png') });

    await page.locator('.graphiql-tab-add').click();
    await page.locator(OPERATION).click();
    await page.keyboard.type('{ org', { delay: 80 });
    const hints = page.locator('.suggest-widget .monaco-list-row .label-name');
    await expect
      .poll(() => hints.allInnerTexts(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['organization', 'organizations', 'organizationTree']));
    expect(errors).toEqual([]);
  });

  it('builds a query with the query builder and runs it', async () => {
    const { page, errors } = await harness.open('/graphql');
    await ready(page);
    await page.locator('.graphiql-tab-add').click();
    await page.locator('button[aria-label="Show GraphiQL Explorer"]').click();
    const builder = page.locator('.graphiql-plugin');
    // Opening a field adds its required arguments and its id.
    await builder.getByText('organization', { exact: true }).click();
    await builder.locator('[data-arg-name="id"] input').fill('org:寿阳县医疗集团');
    await builder.getByText('kind', { exact: true }).click();
    await expect.poll(() => shown(page, OPERATION)).toMatch(/organization\(id: "org:寿阳县医疗集团"\) \{[^}]*\bkind\s+\}/);

    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => shown(page, ANSWER), { timeout: 30_000 }).toContain('MEDICAL_GROUP');
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-builder.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('copies a link to the current operation, which opens it in a fresh browser', async () => {
    const { page, errors } = await harness.open('/graphql', undefined, CLIPBOARD);
    await ready(page);
    await page.locator('.graphiql-tab', { hasText: 'SearchTraditional' }).click();
    await expect.poll(() => shown(page, VARIABLES)).toContain('通用技術集團');
    await pasteOver(page, VARIABLES, '{"query": "寿阳县医疗集团"}');
    await page.locator('button[aria-label="Copy a link to this operation"]').click();
    await expect.poll(() => page.locator('.playground-notice').innerText()).toBe('Link copied');
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(`${link.origin}${link.pathname}`).toBe(`${harness.url}/graphql`);
    expect(link.searchParams.get('query')).toMatch(/^# Search by a Chinese name[\s\S]*query SearchTraditional/);
    expect(link.searchParams.get('variables')).toBe('{"query":"寿阳县医疗集团"}');
    expect(link.searchParams.get('operationName')).toBe('SearchTraditional');

    // Someone else opens it: no tabs of theirs, the operation in front of the examples.
    const other = await harness.open(`${link.pathname}${link.search}`);
    await ready(other.page);
    expect(await other.page.locator('.graphiql-tab').count()).toBe(7);
    expect(await other.page.locator('.graphiql-tab-active').innerText()).toContain('SearchTraditional');
    await expect.poll(() => shown(other.page, VARIABLES)).toContain('寿阳县医疗集团');
    await other.page.locator('.graphiql-execute-button').click();
    await expect.poll(() => shown(other.page, ANSWER), { timeout: 30_000 }).toContain('"name": "寿阳县医疗集团"');
    expect(other.offsite()).toEqual([]);

    // Switched to Chinese, the action says so too.
    await page.locator('#lang').selectOption('zh');
    await expect.poll(() => page.locator('.playground-copy-link').getAttribute('aria-label')).toBe('复制此操作的链接');
    expect([...errors, ...other.errors]).toEqual([]);
  });

  it('comes back where it was after a reload, another page and Back, and adds a shared link to the tabs kept', async () => {
    const { page, errors } = await harness.open('/graphql', undefined, CLIPBOARD);
    await ready(page);
    await pasteOver(page, OPERATION, 'query Mine { metricUnits { unit } }');
    await expect.poll(() => page.locator('.graphiql-tab-active').innerText()).toBe('Mine');
    // GraphiQL keeps the tabs half a second after an edit.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('graphiql:tabState'))).toContain('query Mine');
    await page.reload();
    await ready(page);
    expect(await page.locator('.graphiql-tab').count()).toBe(6);
    expect(await page.locator('.graphiql-tab-active').innerText()).toBe('Mine');

    await page.locator('nav#pages a', { hasText: 'Explorer' }).click();
    await page.waitForURL('**/explore');
    await page.goBack();
    await ready(page);
    await expect.poll(() => shown(page, OPERATION)).toContain('query Mine');
    expect(await page.locator('.graphiql-tab').count()).toBe(6);

    await page.goto(`${harness.url}/graphql?${new URLSearchParams({ query: '{ stats { byType { type } } }' })}`);
    await ready(page);
    expect(await page.locator('.graphiql-tab').count()).toBe(7);
    await expect.poll(() => shown(page, OPERATION)).toContain('{ stats { byType { type } } }');
    expect(await page.locator('.graphiql-tab', { hasText: 'Mine' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows the link to copy by hand where there is no clipboard', async () => {
    const { page, errors } = await harness.open('/graphql');
    await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await page.reload();
    await ready(page);
    await page.locator('button[aria-label="Copy a link to this operation"]').click();
    const dialog = page.getByRole('dialog', { name: 'Link to this operation' });
    const field = dialog.getByRole('textbox', { name: 'Link to this operation' });
    await expect
      .poll(() => field.inputValue())
      .toMatch(new RegExp(`^${harness.url}/graphql\\?query=.+&variables=.+&operationName=GroupAndHospitals$`));
    expect(await field.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, (await field.inputValue()).length]);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-link.png') });
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close dialog' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('runs the operation a link names among several', async () => {
    const params = new URLSearchParams({
      query: 'query Kinds { stats { byType { type } } }\nquery Units { metricUnits { unit } }',
      operationName: 'Units',
    });
    const { page, errors } = await harness.open(`/graphql?${params}`);
    const sent = sentBodies(page);
    await ready(page);
    await expect.poll(() => shown(page, OPERATION)).toContain('query Units');
    // The tab takes the operation's name and the editor's cursor goes into it: Ctrl+Enter runs it.
    await expect.poll(() => page.locator('.graphiql-tab-active').innerText()).toBe('Units');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => shown(page, ANSWER), { timeout: 30_000 }).toContain('"metricUnits"');
    expect(sent.at(-1)?.operationName).toBe('Units');
    expect(errors).toEqual([]);
  });

  it('never sends the name of an operation the document no longer has, and shows an error answer with its code', async () => {
    const { page, errors } = await harness.open('/graphql', undefined, CLIPBOARD);
    const sent = sentBodies(page);
    await ready(page);
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => shown(page, ANSWER), { timeout: 30_000 }).toContain('寿阳县人民医院');
    expect(sent.at(-1)?.operationName).toBe('GroupAndHospitals');

    // Pasted and run at once: the run button is pressed as soon as the editor shows the pasted text, before
    // GraphiQL reads the new document (100 ms after an edit), while it still holds the old operation's name.
    const pasted = '{ stats { byType { type count } } }';
    const ran = page.evaluate((text) => {
      const lines = document.querySelector('.monaco-editor[data-uri$="-operation.graphql"] .view-lines')!;
      return new Promise<void>((resolve) => {
        new MutationObserver((_, observer) => {
          if (!lines.textContent?.replace(/\u00a0/g, ' ').includes(text)) return;
          observer.disconnect();
          document.querySelector<HTMLButtonElement>('.graphiql-execute-button')!.click();
          resolve();
        }).observe(lines, { subtree: true, childList: true, characterData: true });
      });
    }, pasted);
    await pasteOver(page, OPERATION, pasted);
    await ran;
    await expect.poll(() => shown(page, ANSWER), { timeout: 30_000 }).toContain('"byType"');
    expect(sent.at(-1)).toMatchObject({ query: pasted });
    expect(sent.at(-1)).not.toHaveProperty('operationName');
    expect(await page.locator(STATUS).innerText()).toMatch(/^200 · /);

    // What the stale name would have cost: the server refuses it with a code, as it does any request it cannot run.
    const stale = await fetch(`${harness.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: pasted, operationName: 'GroupAndHospitals' }),
    });
    expect(stale.status).toBe(400);
    expect((await stale.json()).errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');

    await pasteOver(page, OPERATION, '{ organization(id: "org:寿阳县医疗集团") { nmae } }');
    await expect.poll(() => shown(page, OPERATION)).toContain('nmae');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => shown(page, ANSWER), { timeout: 30_000 }).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(await shown(page, ANSWER)).toContain('Cannot query field');
    await expect.poll(() => page.locator(STATUS).innerText()).toMatch(/^400 · /);
    expect(await page.locator(STATUS).innerText()).toMatch(STATUS_LINE);
    // Chromium logs every answer of status 400 itself; nothing else went wrong (no page error).
    expect(errors.filter((e) => !e.includes('the server responded with a status of 400'))).toEqual([]);
  });

  it('stacks the panes at 390 px, each at least 300 px wide, and runs by touch', async () => {
    const { page, errors, offsite } = await harness.open('/graphql', { width: 390, height: 844 }, { hasTouch: true, isMobile: true });
    await ready(page);
    await page.locator('.graphiql-execute-button').tap();
    await expect.poll(() => shown(page, ANSWER), { timeout: 30_000 }).toContain('寿阳县人民医院');
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    const editors = await box('.graphiql-editors');
    const answer = await box('.graphiql-response');
    expect(editors.width).toBeGreaterThanOrEqual(300);
    expect(answer.width).toBeGreaterThanOrEqual(300);
    expect(answer.y).toBeGreaterThanOrEqual(editors.y + editors.height);
    expect(answer.height).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-390.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('button[aria-label="Show Documentation Explorer"]').tap();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).tap();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText()).toContain('Organizations, a page at a time.');
    expect((await box('.graphiql-plugin')).width).toBeGreaterThanOrEqual(300);
    expect((await box('.graphiql-editors')).width).toBeGreaterThanOrEqual(300);
    expect(errors).toEqual([]);
    expect(offsite()).toEqual([]);
  });

  it('has no critical or serious accessibility violations (axe-core) as one uses it, also where the system prefers dark', async () => {
    // The page stays light as the other pages do: Monaco's dark theme falls below 4.5:1.
    const { page, errors } = await harness.open('/graphql', undefined, { colorScheme: 'dark' });
    await ready(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => shown(page, ANSWER), { timeout: 30_000 }).toContain('寿阳县人民医院');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    await page.locator('.graphiql-doc-explorer').getByText('organizations', { exact: true }).first().click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText()).toContain('Page size, from 0 to 100.');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('button[aria-label="Show History"]').click();
    await page.locator('.graphiql-history-item').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.graphiql-tab', { hasText: 'GraphCounts' }).click();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('.graphiql-tab-button[aria-current="true"]').innerText()).toBe('GraphCounts');
    await page.locator('button[aria-label="Open settings dialog"]').click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
