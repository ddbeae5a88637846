import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/api.js';
import { browserHarness, HAS_CHROMIUM, SCREENSHOTS, SKIP_NOTE, type OpenedPage } from './harness.js';

const HUB = 'org:中国通用技术（集团）控股有限责任公司';
const GROUP = 'org:寿阳县医疗集团';
const HOSPITAL = 'org:寿阳县人民医院';

const explore = (id: string) => `/explore?node=${encodeURIComponent(id)}`;
const drawn = (page: Page, id: string) =>
  page.waitForFunction((id) => document.body.dataset.state === 'drawn' && document.getElementById('details')?.dataset.id === id, id, {
    timeout: 30_000,
  });
/** Node positions in model coordinates, from Cytoscape. */
const positions = (page: Page) => page.evaluate(() => Object.fromEntries((window as any).cy.nodes().map((n: any) => [n.id(), { ...n.position() }])));

/** Rendered label boxes of the nodes whose labels are shown, as Cytoscape computes them. */
const labelBoxes = (page: Page) =>
  page.evaluate(() =>
    (window as any).cy.nodes('.labelled:visible').map((n: any) => ({
      id: n.id(),
      ...n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }),
    })),
  );

function overlapping(boxes: Array<{ id: string; x1: number; y1: number; x2: number; y2: number }>): string[] {
  const pairs: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(`${a.id} × ${b.id}`);
    }
  return pairs;
}

describe.skipIf(!HAS_CHROMIUM)(`the explorer in a real browser${SKIP_NOTE}`, () => {
  const harness = browserHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  /** Every page ends clean: nothing requested outside localhost, no console error or warning. */
  function clean(opened: OpenedPage) {
    expect(opened.offsite()).toEqual([]);
    expect(opened.errors).toEqual([]);
  }

  it("groups a hub's achievements into one cluster, says how many neighbours it shows, and loads the rest by relationship type", async () => {
    const opened = await harness.open(explore(HUB));
    const { page } = opened;
    await drawn(page, HUB);
    const api = await postGraphQL(harness.url, {
      query: 'query($id: ID!) { node(id: $id) { ... on Entity { links { type node { id __typename } } } } }',
      variables: { id: HUB },
    });
    const links = api.body.data.node.links as Array<{ type: string; node: { id: string; __typename: string } }>;
    const total = new Set(links.map((l) => l.node.id)).size;
    const achievements = new Set(links.filter((l) => l.node.__typename === 'Achievement').map((l) => l.node.id)).size;

    const cluster = await page.evaluate(() => (window as any).cy.nodes('[?cluster][type = "ACHIEVEMENT"]').map((n: any) => n.data('name')));
    expect(cluster).toEqual([`${achievements} achievements`]);
    const shown = await page.evaluate((hub) => (window as any).cy.getElementById(hub).neighborhood('node[!cluster]').length, HUB);
    expect(await page.locator('#coverage').innerText()).toBe(`Showing ${shown} of ${total} neighbours`);
    expect(shown).toBeLessThan(total);
    // No achievement is drawn one by one; organizations are.
    expect(await page.evaluate(() => (window as any).cy.nodes('[type = "ACHIEVEMENT"][!cluster]').length)).toBe(0);
    expect(await page.evaluate(() => (window as any).cy.nodes('[type = "ORGANIZATION"]').length)).toBeGreaterThan(5);

    // Load the places the group supports, by relationship type.
    const places = new Set(links.filter((l) => l.node.__typename === 'Place').map((l) => l.node.id));
    const button = page.locator('#load-rest button[data-rel="SUPPORTS"]');
    if (await button.count()) {
      await button.click();
      await expect.poll(() => page.locator('#coverage').innerText()).not.toBe(`Showing ${shown} of ${total} neighbours`);
    }
    const drawnPlaces = await page.evaluate(() => (window as any).cy.nodes('[type = "PLACE"][!cluster]').map((n: any) => n.id()));
    expect(
      drawnPlaces.length +
        (await page.evaluate(() =>
          (window as any).cy
            .nodes('[?cluster][type = "PLACE"]')
            .map((n: any) => n.data('members').length)
            .reduce((a: number, b: number) => a + b, 0),
        )),
    ).toBe(places.size);

    // Opening the cluster draws every achievement around it.
    await page.evaluate(() => (window as any).cy.nodes('[?cluster][type = "ACHIEVEMENT"]').emit('tap'));
    await expect.poll(() => page.evaluate(() => (window as any).cy.nodes('[type = "ACHIEVEMENT"]').length)).toBe(achievements);
    clean(opened);
  });

  it('shows labels that never overlap at the default zoom, on a hub and on a small graph', async () => {
    for (const id of [HUB, HOSPITAL]) {
      const opened = await harness.open(explore(id));
      await drawn(opened.page, id);
      await opened.page.waitForTimeout(100);
      const boxes = await labelBoxes(opened.page);
      expect(boxes.length).toBeGreaterThan(3);
      expect(overlapping(boxes)).toEqual([]);
      // Edge labels only on hover or selection.
      expect(await opened.page.evaluate(() => (window as any).cy.edges().filter((e: any) => e.style('label') !== '').length)).toBe(0);
      clean(opened);
    }
  });

  it('expands a node incrementally: nodes already drawn keep their positions, new ones appear around it', async () => {
    const opened = await harness.open(explore(GROUP));
    const { page } = opened;
    await drawn(page, GROUP);
    const before = await positions(page);
    const box = (await page.locator('#graph').boundingBox())!;
    const at = await page.evaluate((id) => (window as any).cy.getElementById(id).renderedPosition(), HOSPITAL);
    const started = Date.now();
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await drawn(page, HOSPITAL);
    expect(Date.now() - started).toBeLessThan(5000);
    const after = await positions(page);
    for (const [id, p] of Object.entries(before)) {
      if (!after[id]) continue; // an opened cluster
      expect(Math.hypot(p.x - after[id].x, p.y - after[id].y), id).toBeLessThan(0.5);
    }
    const added = Object.keys(after).filter((id) => !before[id]);
    expect(added.length).toBeGreaterThan(0);
    expect(await page.locator('#details').innerText()).toContain('寿阳县人民医院');
    clean(opened);
  });

  it('colours organizations by kind and shows a legend of what is drawn', async () => {
    const opened = await harness.open(explore(GROUP));
    await drawn(opened.page, GROUP);
    const colours = await opened.page.evaluate(() => {
      const byKind: Record<string, string> = {};
      (window as any).cy.nodes('[type = "ORGANIZATION"][!cluster]').forEach((n: any) => {
        byKind[n.data('kind')] = n.style('background-color');
      });
      return byKind;
    });
    expect(new Set(Object.values(colours)).size).toBe(Object.keys(colours).length);
    expect(Object.keys(colours)).toEqual(expect.arrayContaining(['HOSPITAL', 'PRIMARY_CARE', 'MEDICAL_GROUP']));
    const legend = await opened.page.locator('#legend').innerText();
    expect(legend).toContain('Hospital');
    expect(legend).toContain('Primary care');
    expect(legend).toContain('Organization');
    clean(opened);
  });

  it('answers "which hospitals belong to this group, what did each achieve in 2023, and where does each figure come from" in the panel', async () => {
    const opened = await harness.open(explore(GROUP));
    const { page } = opened;
    await drawn(page, GROUP);
    // Related organizations show their kind, and every one is a link.
    const hospitals = page.locator('#details .relationships li', { hasText: 'Hospital' });
    expect(await hospitals.count()).toBeGreaterThan(1);
    expect(await page.locator('#details .relationships a[data-node]').count()).toBeGreaterThan(5);
    // Relationship quotes with their report's title and date.
    expect(await page.locator('#details .relationships blockquote cite').count()).toBeGreaterThan(0);

    const api = await postGraphQL(harness.url, {
      query: `query($h: ID!) { achievements(first: 100, filter: { holder: $h, includeDescendants: true, yearFrom: 2023, yearTo: 2023 }) { totalCount edges { node { id } } } }`,
      variables: { h: GROUP },
    });
    const in2023 = api.body.data.achievements.totalCount as number;
    await page.locator('#details .achievements select').selectOption('2023');
    await expect.poll(() => page.locator('#details .achievements h3').innerText()).toBe(`Achievements (${in2023})`);
    const rows = page.locator('#details .achievements li[data-achievement]');
    await expect.poll(() => rows.count()).toBe(Math.min(20, in2023));
    // Each row: the statement links to the achievement, the holder is named, the quote cites its report.
    const first = rows.first();
    expect(await first.locator('blockquote cite').count()).toBeGreaterThan(0);
    if (in2023 > 20) {
      await page.locator('#details .achievements .more').click();
      await expect.poll(() => rows.count()).toBe(Math.min(40, in2023));
    }
    const ids = await rows.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.achievement));
    expect(new Set(ids).size).toBe(ids.length);

    // An achievement opens from the panel.
    const achievement = ids[0]!;
    await first.locator('a[data-node]').first().click();
    await drawn(page, achievement);
    expect(await page.locator('#details dl').innerText()).toContain('2023');
    expect(await page.locator('#details blockquote').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-achievement.png') });
    clean(opened);
  });

  it('keeps the selection and filters in the address: Back and Forward walk them, a URL restores the view', async () => {
    const opened = await harness.open(explore(GROUP));
    const { page } = opened;
    await drawn(page, GROUP);
    await page.locator('#details .relationships a[data-node]', { hasText: '寿阳县人民医院' }).first().click();
    await drawn(page, HOSPITAL);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe(`?node=${HOSPITAL}`);
    // Hide achievements: the filter goes into the address.
    await page.locator('#filters fieldset[data-filter="hideTypes"] input[value="ACHIEVEMENT"]').uncheck();
    expect(new URL(page.url()).searchParams.get('hideTypes')).toBe('ACHIEVEMENT');
    expect(await page.evaluate(() => (window as any).cy.nodes('[type = "ACHIEVEMENT"]:visible').length)).toBe(0);
    await page.goBack();
    await drawn(page, GROUP);
    expect(new URL(page.url()).searchParams.get('node')).toBe(GROUP);
    await page.goForward();
    await drawn(page, HOSPITAL);
    expect(new URL(page.url()).searchParams.get('hideTypes')).toBe('ACHIEVEMENT');

    // The same address in a new page restores the node and the filter.
    const again = await harness.open(new URL(page.url()).pathname + new URL(page.url()).search);
    await drawn(again.page, HOSPITAL);
    expect(await again.page.locator('#filters input[value="ACHIEVEMENT"]').first().isChecked()).toBe(false);
    expect(await again.page.locator('#details h2').innerText()).toBe('寿阳县人民医院');
    clean(opened);
    clean(again);
  });

  it("says when a search finds nothing, and shows the API's error for a query over 100 characters", async () => {
    const opened = await harness.open('/explore');
    const { page } = opened;
    await page.fill('#search', '寿阳');
    await page.locator('#results a').first().waitFor();
    await page.fill('#search', '没有这样的机构名称');
    await expect.poll(() => page.locator('#search-status').innerText()).toBe('No results for “没有这样的机构名称”');
    expect(await page.locator('#results a').count()).toBe(0);
    await page.fill('#search', '寿'.repeat(101));
    await expect.poll(() => page.locator('#search-status').getAttribute('role')).toBe('alert');
    expect(await page.locator('#search-status').innerText()).toMatch(/Something went wrong: .*100/);
    expect(await page.locator('#results a').count()).toBe(0);
    expect(opened.offsite()).toEqual([]);
  });

  it('goes from typing to an opened node with the keyboard alone', async () => {
    const opened = await harness.open('/explore');
    const { page } = opened;
    expect(await page.locator('label[for="search"]').innerText()).toBe('Search the graph');
    await page.locator('#search').focus();
    await page.keyboard.type('壽陽縣醫療集團'); // Traditional input
    await page.locator('#results a').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.node)).toBe(GROUP);
    await page.keyboard.press('Enter');
    await drawn(page, GROUP);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    // Tab reaches the panel's links; Enter opens one.
    let target: string | undefined;
    for (let i = 0; i < 8 && !target; i++) {
      await page.keyboard.press('Tab');
      target = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.node);
    }
    expect(target).toBeTruthy();
    await page.keyboard.press('Enter');
    await drawn(page, target!);
    // The canvas has a text alternative listing its nodes.
    expect(await page.locator('#graph-summary').innerText()).toMatch(/nodes/);
    expect(await page.locator('#graph-list li').count()).toBeGreaterThan(3);
    clean(opened);
  });

  it('stacks the panels on a 390 px screen without sideways scrolling', async () => {
    const opened = await harness.open(explore(GROUP), { width: 390, height: 844 });
    const { page } = opened;
    await drawn(page, GROUP);
    const layout = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      graph: document.getElementById('graph')!.getBoundingClientRect().width,
      details: document.getElementById('details')!.getBoundingClientRect().width,
    }));
    expect(layout.scroll).toBeLessThanOrEqual(390);
    expect(layout.graph).toBeGreaterThan(340);
    expect(layout.details).toBeGreaterThan(340);
    await page.locator('.canvas').screenshot({ path: join(SCREENSHOTS, 'explorer-390.png') });
    clean(opened);
  });

  it('does not blow up a one-node graph, and exports the graph as PNG', async () => {
    const opened = await harness.open(explore('report:000'));
    const { page } = opened;
    await drawn(page, 'report:000');
    expect(await page.evaluate(() => (window as any).cy.zoom())).toBeLessThanOrEqual(1.3);
    const download = page.waitForEvent('download');
    await page.locator('#export-png').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    const bytes = await new Response((await file.createReadStream()) as any).arrayBuffer();
    expect([...new Uint8Array(bytes).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    clean(opened);
  });

  it('draws the README screenshot: a group, a hospital opened, at desktop size', async () => {
    const opened = await harness.open(explore(GROUP));
    await drawn(opened.page, GROUP);
    await opened.page.screenshot({ path: join(SCREENSHOTS, 'explorer.png') });
    const hub = await harness.open(explore(HUB));
    await drawn(hub.page, HUB);
    await hub.page.screenshot({ path: join(SCREENSHOTS, 'explorer-hub.png') });
    clean(opened);
    clean(hub);
  });
});
