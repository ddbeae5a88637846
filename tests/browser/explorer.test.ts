import { join } from 'node:path';
import type { BrowserContextOptions, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/api.js';
import { axeViolations } from './axe.js';
import { browserHarness, HAS_CHROMIUM, SCREENSHOTS, SKIP_NOTE, type OpenedPage } from './harness.js';

const HUB = 'org:中国通用技术（集团）控股有限责任公司';
const GROUP = 'org:寿阳县医疗集团';
const HOSPITAL = 'org:寿阳县人民医院';
const COMMISSION = 'org:国家卫生健康委员会';

const explore = (id: string) => `/explore?node=${encodeURIComponent(id)}`;
/** The page has drawn its view (and shows `id` in the panel, when given). */
const drawn = (page: Page, id?: string) =>
  page.waitForFunction((id) => document.body.dataset.state === 'drawn' && (!id || document.getElementById('details')?.dataset.id === id), id, {
    timeout: 30_000,
  });
/** Polls patiently: the machine running the tests may be busy. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });
/** Steps that draw several views each may take a while on a busy machine. */
const LONG = 180_000;
/** Every node on the canvas (clusters included), sorted. */
const nodeIds = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as any).cy
      .nodes()
      .map((n: any) => n.id())
      .sort(),
  );
const visibleIds = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as any).cy
      .nodes(':visible')
      .map((n: any) => n.id())
      .sort(),
  );
/** The nodes drawn as the path's, sorted. */
const onPath = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as any).cy
      .nodes('.on-path')
      .map((n: any) => n.id())
      .sort(),
  );
/** Node positions in model coordinates, from Cytoscape. */
const positions = (page: Page) => page.evaluate(() => Object.fromEntries((window as any).cy.nodes().map((n: any) => [n.id(), { ...n.position() }])));
const params = (page: Page) => new URL(page.url()).searchParams;
const addressOf = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

/** Where a node is on the page, for the mouse. */
async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#graph').boundingBox())!;
  const at = await page.evaluate((id) => (window as any).cy.getElementById(id).renderedPosition(), id);
  return { x: box.x + at.x, y: box.y + at.y };
}

/** Rendered label boxes of the nodes whose labels are shown, as Cytoscape computes them. */
const labelBoxes = (page: Page) =>
  page.evaluate(() =>
    (window as any).cy.nodes('.labelled:visible').map((n: any) => ({
      id: n.id(),
      ...n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }),
    })),
  );

/** The label boxes once placement has settled: it runs a frame after the last change, later on a busy machine. */
async function settledLabels(page: Page) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const boxes = await labelBoxes(page);
    if (JSON.stringify(boxes) === last) return boxes;
    last = JSON.stringify(boxes);
    await page.waitForTimeout(150);
  }
  throw new Error('the labels never settled');
}

function overlapping(boxes: Array<{ id: string; x1: number; y1: number; x2: number; y2: number }>): string[] {
  const pairs: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(`${a.id} × ${b.id}`);
    }
  return pairs;
}

/** Labelled and visible node counts. */
const labelCount = (page: Page) =>
  page.evaluate(() => ({ labelled: (window as any).cy.nodes('.labelled:visible').length, visible: (window as any).cy.nodes(':visible').length }));

/** Types into a box as a person does, pausing between characters. */
async function type(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).fill('');
  await page.locator(selector).pressSequentially(text, { delay: 60 });
}

async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The API's shortest path for some arguments, as the page asks for it. */
async function apiPath(url: string, variables: Record<string, unknown>) {
  const api = await postGraphQL(url, {
    query: `query($from: ID!, $to: ID!, $maxLength: Int, $avoid: [ID!]) { shortestPath(from: $from, to: $to, maxLength: $maxLength, avoid: $avoid) {
      nodes { id name(language: EN) } edges { id evidence { quote report { id } } } } }`,
    variables,
  });
  return api.body.data.shortestPath as {
    nodes: Array<{ id: string; name: string }>;
    edges: Array<{ id: string; evidence: Array<{ quote: string }> }>;
  } | null;
}

describe.skipIf(!HAS_CHROMIUM)(`the explorer in a real browser${SKIP_NOTE}`, () => {
  const harness = browserHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  /** Opens an address in a fresh browser context and waits for its view (and `id` in the panel). */
  async function openDrawn(path: string, id?: string, viewport?: { width: number; height: number }, options?: BrowserContextOptions) {
    const opened = await harness.open(path, viewport, options);
    await drawn(opened.page, id);
    return opened;
  }

  /** Every page ends clean: nothing requested outside localhost, no console error or warning. */
  function clean(opened: OpenedPage) {
    expect(opened.offsite()).toEqual([]);
    expect(opened.errors).toEqual([]);
  }

  it(
    "groups a hub's achievements into one cluster, says how many neighbours it shows, and loads the rest by relationship type",
    async () => {
      const opened = await openDrawn(explore(HUB), HUB);
      const { page } = opened;
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
      expect(await page.evaluate(() => (window as any).cy.nodes('[type = "ACHIEVEMENT"][!cluster]').length)).toBe(0);
      expect(await page.evaluate(() => (window as any).cy.nodes('[type = "ORGANIZATION"]').length)).toBeGreaterThan(5);

      // Load the places the group supports, by relationship type: the address keeps it.
      const places = new Set(links.filter((l) => l.node.__typename === 'Place').map((l) => l.node.id));
      await page.locator('#load-rest button[data-rel="SUPPORTS"]').click();
      await drawn(page, HUB);
      expect(params(page).getAll('o')).toEqual([`SUPPORTS~${HUB}`]);
      const drawnPlaces = await page.evaluate(() => (window as any).cy.nodes('[type = "PLACE"][!cluster]').map((n: any) => n.id()));
      const clustered = await page.evaluate(() =>
        (window as any).cy
          .nodes('[?cluster][type = "PLACE"]')
          .map((n: any) => n.data('members').length)
          .reduce((a: number, b: number) => a + b, 0),
      );
      expect(drawnPlaces.length + clustered).toBe(places.size);

      // Opening the cluster draws every achievement; labels still never overlap, and most nodes carry one.
      await page.evaluate(() => (window as any).cy.nodes('[?cluster][type = "ACHIEVEMENT"]').emit('tap'));
      await drawn(page, HUB);
      expect(await page.evaluate(() => (window as any).cy.nodes('[type = "ACHIEVEMENT"]').length)).toBe(achievements);
      const boxes = await settledLabels(page);
      const { labelled, visible } = await labelCount(page);
      expect(visible).toBeGreaterThan(90);
      expect(labelled / visible).toBeGreaterThan(0.5);
      expect(overlapping(boxes)).toEqual([]);
      // Zooming in makes room: of the nodes then in view, more carry their label.
      const inView = () =>
        page.evaluate(() => {
          const cy = (window as any).cy;
          const shown = cy.nodes(':visible').filter((n: any) => {
            const p = n.renderedPosition();
            return p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height();
          });
          return shown.filter((n: any) => n.hasClass('labelled')).length / shown.length;
        });
      const before = await inView();
      await page.evaluate(() => {
        const cy = (window as any).cy;
        cy.zoom({ level: cy.zoom() * 2.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      });
      expect(overlapping(await settledLabels(page))).toEqual([]);
      expect(await inView()).toBeGreaterThan(Math.max(before, 0.8));
      clean(opened);
    },
    LONG,
  );

  it('labels every node that fits, most connected first, and no two labels overlap, on a small graph and on a hub', async () => {
    const group = await openDrawn(explore(GROUP), GROUP);
    const small = { boxes: await settledLabels(group.page), ...(await labelCount(group.page)) };
    // The layout starts from random positions: one label in ten may find no free place.
    expect(small.labelled / small.visible).toBeGreaterThanOrEqual(0.85);
    expect(overlapping(small.boxes)).toEqual([]);
    // Edge labels only on hover, selection or a path.
    expect(await group.page.evaluate(() => (window as any).cy.edges().filter((e: any) => e.style('label') !== '').length)).toBe(0);

    const hub = await openDrawn(explore(HUB), HUB);
    const large = { boxes: await settledLabels(hub.page), ...(await labelCount(hub.page)) };
    expect(large.labelled / large.visible).toBeGreaterThan(0.75);
    expect(overlapping(large.boxes)).toEqual([]);
    // The selected node always has its label, and so do the best connected ones.
    expect(await hub.page.evaluate((hub) => (window as any).cy.getElementById(hub).hasClass('labelled'), HUB)).toBe(true);
    clean(group);
    clean(hub);
  });

  it('expands a node incrementally: nodes drawn keep their places, new ones appear around it and are brought into view', async () => {
    const opened = await openDrawn(explore(GROUP), GROUP);
    const { page } = opened;
    // Zoom in on the group first, so the hospital's new neighbours start out of view.
    await page.evaluate(() => {
      const cy = (window as any).cy;
      cy.zoom({ level: 2.5, position: cy.getElementById('org:寿阳县人民医院').position() });
    });
    const before = await positions(page);
    const started = Date.now();
    const at = await nodePoint(page, HOSPITAL);
    await page.mouse.click(at.x, at.y);
    await drawn(page, HOSPITAL);
    expect(Date.now() - started).toBeLessThan(5000);
    const after = await positions(page);
    for (const [id, p] of Object.entries(before)) {
      if (after[id]) expect(Math.hypot(p.x - after[id].x, p.y - after[id].y), id).toBeLessThan(0.5);
    }
    const added = Object.keys(after).filter((id) => !before[id]);
    expect(added.length).toBeGreaterThan(0);
    const inView = await page.evaluate((ids) => {
      const cy = (window as any).cy;
      const box = cy.collection(ids.map((id: string) => cy.getElementById(id))).renderedBoundingBox();
      return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
    }, added);
    expect(inView).toBe(true);
    expect(await page.locator('#details').innerText()).toContain('寿阳县人民医院');
    clean(opened);
  });

  it('colours organizations by kind and shows a legend of what is drawn', async () => {
    const opened = await openDrawn(explore(GROUP), GROUP);
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
    const opened = await openDrawn(explore(GROUP), GROUP);
    const { page } = opened;
    const hospitals = page.locator('#details .relationships li', { hasText: 'Hospital' });
    expect(await hospitals.count()).toBeGreaterThan(1);
    expect(await page.locator('#details .relationships a[data-node]').count()).toBeGreaterThan(5);
    expect(await page.locator('#details .relationships blockquote cite').count()).toBeGreaterThan(0);

    const api = await postGraphQL(harness.url, {
      query: `query($h: ID!) { achievements(first: 100, filter: { holder: $h, includeDescendants: true, yearFrom: 2023, yearTo: 2023 }) { totalCount edges { node { id } } } }`,
      variables: { h: GROUP },
    });
    const in2023 = api.body.data.achievements.totalCount as number;
    await page.locator('#details .achievements select').selectOption('2023');
    await poll(() => page.locator('#details .achievements h3').innerText()).toBe(`Achievements (${in2023})`);
    const rows = page.locator('#details .achievements li[data-achievement]');
    await poll(() => rows.count()).toBe(Math.min(20, in2023));
    const first = rows.first();
    expect(await first.locator('blockquote cite').count()).toBeGreaterThan(0);
    if (in2023 > 20) {
      await page.locator('#details .achievements .more').click();
      await poll(() => rows.count()).toBe(Math.min(40, in2023));
    }
    const ids = await rows.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.achievement));
    expect(new Set(ids).size).toBe(ids.length);

    // An achievement opens from the panel, onto the same canvas.
    const achievement = ids[0]!;
    const before = await nodeIds(page);
    await first.locator('a[data-node]').first().click();
    await drawn(page, achievement);
    expect(await nodeIds(page)).toEqual(expect.arrayContaining(before.filter((id) => !id.startsWith('cluster:'))));
    expect(await page.locator('#details dl').innerText()).toContain('2023');
    expect(await page.locator('#details blockquote').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-achievement.png') });
    clean(opened);
  });

  it(
    'adds a second entity picked from search to the canvas; the address reopens the same nodes in a fresh browser; Back and Forward walk every change',
    async () => {
      const opened = await harness.open('/explore');
      const { page } = opened;
      await type(page, '#search', '寿阳县医疗集团');
      await page.locator(`#results a[data-node="${GROUP}"]`).click();
      await drawn(page, GROUP);
      expect(await page.locator('#results').isHidden()).toBe(true);
      const one = await nodeIds(page);

      await type(page, '#search', '国家卫生健康委员会');
      await page.locator(`#results a[data-node="${COMMISSION}"]`).click();
      await drawn(page, COMMISSION);
      const two = await nodeIds(page);
      expect(two.length).toBeGreaterThan(one.length);
      expect(two).toEqual(expect.arrayContaining(one));
      expect(params(page).getAll('n')).toEqual([GROUP, COMMISSION]);
      await page.screenshot({ path: join(SCREENSHOTS, 'explorer-two.png') });

      // A filter is a step too.
      await page.locator('#filters fieldset[data-filter="hideTypes"] input[value="EVENT"]').uncheck();
      await drawn(page, COMMISSION);
      expect(params(page).get('ft')).toBe('EVENT');
      const filtered = await visibleIds(page);
      const address = addressOf(page);

      // The shared address, in a fresh browser context: the same nodes, the same filter, the same selection.
      const again = await openDrawn(address, COMMISSION);
      expect(await nodeIds(again.page)).toEqual(two);
      expect(await visibleIds(again.page)).toEqual(filtered);
      expect(await again.page.locator('#filters input[value="EVENT"]').first().isChecked()).toBe(false);

      await page.goBack();
      await poll(() => params(page).get('ft')).toBeNull();
      await drawn(page, COMMISSION);
      expect(await visibleIds(page)).toEqual(two);
      await page.goBack();
      await poll(() => nodeIds(page)).toEqual(one);
      await drawn(page, GROUP);
      await page.goForward();
      await poll(() => nodeIds(page)).toEqual(two);
      await page.goForward();
      await poll(() => visibleIds(page)).toEqual(filtered);
      clean(opened);
      clean(again);
    },
    LONG,
  );

  it(
    'draws the shortest path from its address with each step’s quotes and reports, keeps a hub out on request, and says when there is no path',
    async () => {
      const opened = await openDrawn(`/explore?from=${HOSPITAL}&to=${COMMISSION}`, 'path');
      const { page } = opened;
      const path = (await apiPath(harness.url, { from: HOSPITAL, to: COMMISSION }))!;
      expect(await onPath(page)).toEqual(path.nodes.map((n) => n.id).sort());
      expect(await page.evaluate(() => (window as any).cy.edges('.on-path').length)).toBe(path.nodes.length - 1);
      // The panel: every entity of the path in order, and under each step its quotes with their reports.
      expect(await page.locator('#details .path-node').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.nodeId))).toEqual(
        path.nodes.map((n) => n.id),
      );
      for (const edge of path.edges) {
        const step = page.locator(`#details .path-edge[data-edge="${edge.id}"]`);
        expect(await step.locator('blockquote').count()).toBe(edge.evidence.length);
        expect(await step.locator('blockquote').first().innerText()).toContain(edge.evidence[0]!.quote);
        expect(await step.locator('cite').first().innerText()).not.toBe('');
      }
      await page.screenshot({ path: join(SCREENSHOTS, 'explorer-path.png') });

      // A step clicked on the canvas: its quotes in the panel, its id in the address; "Back to the path" returns.
      const step = path.edges[0]!;
      const box = (await page.locator('#graph').boundingBox())!;
      const mid = await page.evaluate((id) => (window as any).cy.getElementById(id).renderedMidpoint(), step.id);
      await page.mouse.click(box.x + mid.x, box.y + mid.y);
      await drawn(page, step.id);
      expect(params(page).getAll('s')).toEqual([step.id]);
      expect(await page.locator('#details blockquote').count()).toBe(step.evidence.length);
      await page.locator('#details .back-to-path').click();
      await drawn(page, 'path');

      // Keep a node of the path out: the address says so, and the path goes around it.
      const { id: hub, name: hubName } = path.nodes[Math.floor(path.nodes.length / 2)]!;
      await page.locator(`#details button[data-avoid="${hub}"]`).click();
      await drawn(page, 'path');
      expect(params(page).getAll('a')).toEqual([hub]);
      const around = (await apiPath(harness.url, { from: HOSPITAL, to: COMMISSION, avoid: [hub] }))!;
      expect(around.nodes.map((n) => n.id)).not.toContain(hub);
      expect(await onPath(page)).toEqual(around.nodes.map((n) => n.id).sort());

      // Too short a path: the panel says so and offers the longest search, which finds it again.
      await page.locator('#path-length').fill('2');
      await page.locator('#path-length').press('Enter');
      await drawn(page, 'path');
      expect(params(page).get('len')).toBe('2');
      expect(await page.locator('#details .no-path').innerText()).toBe(
        "No path between Shouyang County People's Hospital and National Health Commission within 2 steps.",
      );
      expect(await page.locator('#graph-status').innerText()).toBe(await page.locator('#details .no-path').innerText());
      expect(await page.locator('#details button[data-action="fewer"]').innerText()).toContain(hubName);
      await page.locator('#details button[data-action="longer"]').click();
      await drawn(page, 'path');
      expect(params(page).get('len')).toBe('10');
      expect(await page.locator('#details .path-node').count()).toBe(around.nodes.length);
      clean(opened);
    },
    LONG,
  );

  it(
    'finds a path between two nodes of the canvas from their menus',
    async () => {
      const opened = await openDrawn(explore(GROUP), GROUP);
      const { page } = opened;
      const other = await page.evaluate(
        (hospital) =>
          (window as any).cy
            .nodes('[type = "PLACE"][!cluster]')
            .filter((n: any) => n.id() !== hospital)[0]
            .id(),
        HOSPITAL,
      );
      let at = await nodePoint(page, HOSPITAL);
      await page.mouse.click(at.x, at.y, { button: 'right' });
      await poll(() => page.locator('#node-menu').isVisible()).toBe(true);
      expect(await page.locator('#node-menu [role="menuitem"]').allInnerTexts()).toEqual([
        'Expand',
        'Hide',
        'Path from here',
        'Path to here',
        'Avoid in paths',
      ]);
      // Escape closes the menu; so does a pick.
      await page.keyboard.press('Escape');
      expect(await page.locator('#node-menu').isHidden()).toBe(true);
      await page.mouse.click(at.x, at.y, { button: 'right' });
      await page.locator('#node-menu [data-action="path-from"]').click();
      await drawn(page, 'path');
      expect(await page.locator('#node-menu').isHidden()).toBe(true);
      expect(await page.locator('#details').innerText()).toContain('Pick the other end');
      at = await nodePoint(page, other);
      await page.mouse.click(at.x, at.y, { button: 'right' });
      await page.locator('#node-menu [data-action="path-to"]').click();
      await drawn(page, 'path');
      expect(params(page).get('from')).toBe(HOSPITAL);
      expect(params(page).get('to')).toBe(other);
      expect(await page.evaluate(() => (window as any).cy.edges('.on-path').length)).toBeGreaterThan(0);
      expect(await page.locator('#path-box .chip').allInnerTexts()).toHaveLength(2);
      clean(opened);
    },
    LONG,
  );

  it(
    'hides and collapses nodes, undoes and redoes each step, and clears the canvas',
    async () => {
      const opened = await openDrawn(explore(GROUP), GROUP);
      const { page } = opened;
      const start = await nodeIds(page);
      const at = await nodePoint(page, HOSPITAL);
      await page.mouse.click(at.x, at.y);
      await drawn(page, HOSPITAL);
      const expanded = await nodeIds(page);
      expect(expanded.length).toBeGreaterThan(start.length);

      // Collapse takes back exactly what the expansion added.
      await page.locator('#collapse').click();
      await drawn(page, HOSPITAL);
      expect(await nodeIds(page)).toEqual(start);
      await page.locator('#undo').click();
      await poll(() => nodeIds(page)).toEqual(expanded);
      await drawn(page);
      await page.locator('#redo').click();
      await poll(() => nodeIds(page)).toEqual(start);
      await drawn(page);

      // Hide one node from its menu; the toolbar offers to show it again.
      const victim = start.find((id) => id.startsWith('place:'))!;
      const point = await nodePoint(page, victim);
      await page.mouse.click(point.x, point.y, { button: 'right' });
      await page.locator('#node-menu [data-action="hide"]').click();
      await drawn(page);
      expect(await nodeIds(page)).not.toContain(victim);
      expect(params(page).getAll('h')).toEqual([victim]);
      expect(await page.locator('#show-hidden').innerText()).toBe('1 hidden: show them');
      await page.locator('#show-hidden').click();
      await drawn(page);
      expect(await nodeIds(page)).toContain(victim);

      // Hide a selection of two (shift-click adds to the selection), with the Delete key.
      const pair = start.filter((id) => id.startsWith('org:') && id !== GROUP && id !== HOSPITAL).slice(0, 2);
      for (const id of pair) {
        const p = await nodePoint(page, id);
        await page.keyboard.down('Shift');
        await page.mouse.click(p.x, p.y);
        await page.keyboard.up('Shift');
        await drawn(page);
      }
      expect(params(page).getAll('s')).toEqual([HOSPITAL, ...pair]);
      expect(await page.locator('#details .selection').innerText()).toContain('3 selected');
      await page.keyboard.press('Delete');
      await drawn(page);
      const left = await nodeIds(page);
      for (const id of [HOSPITAL, ...pair]) expect(left).not.toContain(id);

      // Clear starts over; Undo brings the canvas back.
      await page.locator('#clear').click();
      await drawn(page);
      expect(await nodeIds(page)).toEqual([]);
      expect(params(page).getAll('n')).toEqual([]);
      await page.keyboard.press('Control+z');
      await poll(() => nodeIds(page)).not.toEqual([]);
      clean(opened);
    },
    LONG,
  );

  it('hides the tooltip on a click, even when the node clicked goes away', async () => {
    const opened = await openDrawn(explore(GROUP), GROUP);
    const { page } = opened;
    const cluster = await page.evaluate(() => (window as any).cy.nodes('[?cluster]')[0].id());
    const at = await nodePoint(page, cluster);
    await page.mouse.move(at.x, at.y);
    await poll(() => page.locator('#tooltip').isVisible()).toBe(true);
    expect(await page.locator('#tooltip').innerText()).toContain('click to open');
    await page.mouse.click(at.x, at.y);
    await drawn(page);
    expect(await nodeIds(page)).not.toContain(cluster);
    expect(await page.locator('#tooltip').isHidden()).toBe(true);

    // A node's tooltip names it in both languages in English.
    const hospital = await nodePoint(page, HOSPITAL);
    await page.mouse.move(hospital.x, hospital.y);
    await expect
      .poll(() => page.locator('#tooltip').innerText())
      .toBe("Shouyang County People's Hospital (寿阳县人民医院) — Organization · Hospital");
    await page.mouse.click(hospital.x, hospital.y);
    expect(await page.locator('#tooltip').isHidden()).toBe(true);
    clean(opened);
  });

  it('closes the search results on a pick, on Escape and on a click outside', async () => {
    const opened = await harness.open('/explore');
    const { page } = opened;
    await type(page, '#search', '寿阳县医疗集团');
    await page.locator(`#results a[data-node="${GROUP}"]`).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('#results').isHidden()).toBe(true);
    await page.locator('#search').click();
    expect(await page.locator('#results').isVisible()).toBe(true);
    await page.locator('#graph').click({ position: { x: 20, y: 20 } });
    expect(await page.locator('#results').isHidden()).toBe(true);
    await page.locator('#search').click();
    await page.locator(`#results a[data-node="${GROUP}"]`).click();
    await drawn(page, GROUP);
    expect(await page.locator('#results').isHidden()).toBe(true);
    // The legend stays in place, in view.
    const legend = (await page.locator('#legend').boundingBox())!;
    expect(legend.y).toBeLessThan(300);
    clean(opened);
  });

  it(
    'filters achievements by year with the slicer, marking those whose years come from their report',
    async () => {
      const opened = await openDrawn(explore(GROUP), GROUP);
      const { page } = opened;
      await page.evaluate(() => (window as any).cy.nodes('[?cluster][type = "ACHIEVEMENT"]').emit('tap'));
      await drawn(page, GROUP);
      const all = await page.evaluate(() => (window as any).cy.nodes('[type = "ACHIEVEMENT"]:visible').length);
      // From: the last year, back two; to: back two. Each step is the keyboard on the slider.
      await page.locator('#year-from').focus();
      await page.keyboard.press('End');
      await drawn(page);
      await page.keyboard.press('ArrowLeft');
      await drawn(page);
      await page.keyboard.press('ArrowLeft');
      await drawn(page);
      await page.locator('#year-to').focus();
      await page.keyboard.press('ArrowLeft');
      await drawn(page);
      await page.keyboard.press('ArrowLeft');
      await drawn(page);
      expect(params(page).get('y')).toBe('2023-2023');
      expect(await page.locator('#years-shown').innerText()).toBe('2023');
      const shown = await page.evaluate(() =>
        (window as any).cy.nodes('[type = "ACHIEVEMENT"][!cluster]').map((n: any) => ({
          visible: n.visible(),
          period: n.data('entity').period,
          inferred: n.hasClass('inferred'),
        })),
      );
      const visible = shown.filter((a: any) => a.visible);
      expect(visible.length).toBeGreaterThan(0);
      expect(visible.length).toBeLessThan(all);
      for (const a of visible) expect(a.period.start <= 2023 && a.period.end >= 2023).toBe(true);
      for (const a of shown.filter((a: any) => !a.visible)) expect(a.period.start <= 2023 && a.period.end >= 2023).toBe(false);
      for (const a of visible) expect(a.inferred).toBe(a.period.basis === 'FROM_REPORT');
      expect(await page.locator('#legend').innerText()).toContain('Dashed border: years taken from the report');

      // The range travels with the address; "All years" lifts it.
      const again = await openDrawn(addressOf(page), GROUP);
      expect(await visibleIds(again.page)).toEqual(await visibleIds(page));
      await page.locator('#years-all').click();
      await drawn(page);
      expect(params(page).get('y')).toBeNull();
      expect(await page.evaluate(() => (window as any).cy.nodes('[type = "ACHIEVEMENT"]:visible').length)).toBe(all);
      clean(opened);
      clean(again);
    },
    LONG,
  );

  it('sizes nodes by their number of links, with a legend', async () => {
    const opened = await openDrawn(explore(GROUP), GROUP);
    const { page } = opened;
    await page.locator('#sizes input[value="links"]').check();
    await drawn(page, GROUP);
    expect(params(page).get('sz')).toBe('links');
    await poll(() => page.locator('#sizes .size-step').count()).toBe(3);
    const sizes = await page.evaluate(() => Object.fromEntries((window as any).cy.nodes('[!cluster]').map((n: any) => [n.id(), n.width()])));
    expect(new Set(Object.values(sizes)).size).toBeGreaterThan(3);
    // The group, whose links are many, is the largest node.
    expect(Math.max(...(Object.values(sizes) as number[]))).toBe(sizes[GROUP]);
    clean(opened);
  });

  it(
    'exports the canvas as SVG, and its nodes and links as CSV in both languages',
    async () => {
      const opened = await openDrawn(explore(GROUP), GROUP);
      const { page } = opened;
      const visibleNodes = await page.evaluate(() => (window as any).cy.nodes(':visible').length);
      const entities = await page.evaluate(() => (window as any).cy.nodes(':visible[!cluster]').length);
      const edges = await page.evaluate(() => (window as any).cy.edges(':visible[!cluster]').length);

      const save = async (button: string) => {
        await page.locator('#export-menu summary').click();
        const download = page.waitForEvent('download');
        await page.locator(button).click();
        const file = await download;
        return { name: file.suggestedFilename(), bytes: await downloaded(file) };
      };
      const svg = await save('#export-svg');
      expect(svg.name).toMatch(/\.svg$/);
      const text = svg.bytes.toString('utf8');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          nodes: doc.querySelectorAll('g.node').length,
          shapes: doc.querySelectorAll('g.node ellipse, g.node polygon, g.node rect').length,
          titles: [...doc.querySelectorAll('g.node title')].map((t) => t.textContent),
        };
      }, text);
      expect(parsed.error).toBeNull();
      expect(parsed.root).toBe('svg');
      expect(parsed.nodes).toBe(visibleNodes);
      expect(parsed.shapes).toBe(visibleNodes);
      expect(parsed.titles).toContain("Shouyang County People's Hospital");

      const nodes = await save('#export-nodes');
      expect(nodes.name).toMatch(/-nodes\.csv$/);
      expect([...nodes.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const nodeRows = nodes.bytes.toString('utf8').slice(1).trim().split('\r\n');
      expect(nodeRows[0]).toBe(
        'id,name_zh,name_en,type,type_zh,type_en,kind,kind_zh,kind_en,period_start,period_end,period_basis,links_drawn,expanded,on_path',
      );
      expect(nodeRows).toHaveLength(entities + 1);
      expect(nodeRows.find((r) => r.startsWith(`${HOSPITAL},`))).toMatch(
        /^org:寿阳县人民医院,寿阳县人民医院,Shouyang County People's Hospital,ORGANIZATION,机构,Organization,HOSPITAL,医院,Hospital,,,,\d+,,$/,
      );

      const links = await save('#export-links');
      expect([...links.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const linkRows = links.bytes.toString('utf8').slice(1).trim().split('\r\n');
      expect(linkRows[0]).toBe('source,source_zh,source_en,type,type_zh,type_en,target,target_zh,target_en,on_path,quotes,reports');
      expect(linkRows).toHaveLength(edges + 1);
      expect(linkRows.find((r) => r.startsWith(`${HOSPITAL},`))).toMatch(
        /^org:寿阳县人民医院,寿阳县人民医院,Shouyang County People's Hospital,PART_OF,隶属于,part of,org:寿阳县医疗集团,寿阳县医疗集团,Shouyang County Medical Group,,.+,.*report:002/,
      );
      clean(opened);
    },
    LONG,
  );

  it(
    'speaks English with English names and the Chinese beside them, kept in the address, and back in Chinese',
    async () => {
      const opened = await openDrawn(`${explore(GROUP)}&lang=zh`, GROUP);
      const { page } = opened;
      expect(await page.evaluate((id) => (window as any).cy.getElementById(id).data('name'), HOSPITAL)).toBe('寿阳县人民医院');
      expect(await page.locator('#coverage').innerText()).toMatch(/^显示/);
      await page.locator('#lang').selectOption('en');
      await drawn(page, GROUP);
      expect(params(page).get('lang')).toBe('en');
      expect(await page.evaluate((id) => (window as any).cy.getElementById(id).data('name'), HOSPITAL)).toBe("Shouyang County People's Hospital");
      expect(await page.locator('#details h2').innerText()).toBe('Shouyang County Medical Group\n寿阳县医疗集团');
      expect(await page.locator('#details .relationships').innerText()).toContain("Shouyang County People's Hospital");
      await type(page, '#search', '寿阳县人民医院');
      const hit = page.locator(`#results a[data-node="${HOSPITAL}"]`);
      await hit.waitFor();
      expect(await hit.locator('.name').innerText()).toBe("Shouyang County People's Hospital");
      expect(await hit.locator('.other').innerText()).toBe('寿阳县人民医院');
      await page.keyboard.press('Escape');

      await page.goBack();
      await poll(() => page.evaluate((id) => (window as any).cy.getElementById(id).data('name'), HOSPITAL)).toBe('寿阳县人民医院');
      expect(await page.locator('#lang').inputValue()).toBe('zh');
      clean(opened);
    },
    LONG,
  );

  it(
    'puts the graph first at 390 px with the filters folded; one finger scrolls the page over the graph, two zoom it',
    async () => {
      const opened = await openDrawn(explore(GROUP), GROUP, { width: 390, height: 844 }, { hasTouch: true, isMobile: true });
      const { page } = opened;
      const layout = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        graphTop: document.getElementById('graph')!.getBoundingClientRect().top,
        graph: document.getElementById('graph')!.getBoundingClientRect().width,
        details: document.getElementById('details')!.getBoundingClientRect().width,
        filtersOpen: (document.getElementById('filters-box') as HTMLDetailsElement).open,
      }));
      expect(layout.scroll).toBeLessThanOrEqual(390);
      expect(layout.graphTop).toBeLessThan(330);
      expect(layout.graph).toBeGreaterThan(380);
      expect(layout.details).toBeGreaterThan(340);
      expect(layout.filtersOpen).toBe(false);
      await page.screenshot({ path: join(SCREENSHOTS, 'explorer-390.png') });

      // A spot of the graph's background, away from every node.
      const box = (await page.locator('#graph').boundingBox())!;
      const spot = await page.evaluate(() => {
        const cy = (window as any).cy;
        for (let y = 40; y < cy.height() - 40; y += 10)
          for (let x = 40; x < cy.width() - 40; x += 10)
            if (cy.nodes().every((n: any) => Math.hypot(n.renderedPosition().x - x, n.renderedPosition().y - y) > 40)) return { x, y };
        return null;
      });
      expect(spot).not.toBeNull();
      const cdp = await page.context().newCDPSession(page);
      // One finger swipes from the spot; two pinch: a second finger 260 px to the right of the first (beyond Cytoscape's
      // two-finger tap distance) moves twice as far.
      const swipe = async (fingers: number, dy: number) => {
        const points = (step: number) =>
          Array.from({ length: fingers }, (_, i) => ({
            x: box.x + (fingers > 1 ? 60 + i * 260 : spot!.x),
            y: box.y + (fingers > 1 ? 80 : spot!.y) + ((dy * step) / 10) * (1 + i),
            id: i,
          }));
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(0) });
        for (let step = 1; step <= 10; step++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(step) });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      };
      const view = () => page.evaluate(() => ({ scroll: window.scrollY, pan: (window as any).cy.pan(), zoom: (window as any).cy.zoom() }));
      const before = await view();
      await swipe(1, -120);
      await poll(async () => (await view()).scroll).toBeGreaterThan(before.scroll + 50);
      expect((await view()).pan).toEqual(before.pan);
      // Once the page's own scrolling has come to rest.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(600);
      await swipe(2, 120);
      await poll(async () => (await view()).zoom).not.toBe(before.zoom);
      clean(opened);
    },
    LONG,
  );

  it(
    'has no critical or serious accessibility violations, in English, in Chinese, with a path, and at 390 px',
    async () => {
      for (const [path, viewport] of [
        [explore(GROUP), undefined],
        [`${explore(GROUP)}&lang=zh`, undefined],
        [`/explore?from=${HOSPITAL}&to=${COMMISSION}&lang=zh`, undefined],
        [explore(GROUP), { width: 390, height: 844 }],
      ] as const) {
        const opened = await harness.open(path, viewport);
        await drawn(opened.page);
        await opened.page.locator('#details .achievements h3, #details .path-node').first().waitFor();
        expect(await axeViolations(opened.page), path).toEqual([]);
        clean(opened);
      }
    },
    LONG,
  );

  it("says when a search finds nothing, and shows the API's error for a query over 100 characters", async () => {
    const opened = await harness.open('/explore');
    const { page } = opened;
    await page.fill('#search', '寿阳');
    await page.locator('#results a').first().waitFor();
    await page.fill('#search', '没有这样的机构名称');
    await poll(() => page.locator('#search-status').innerText()).toBe('No results for “没有这样的机构名称”');
    expect(await page.locator('#results a').count()).toBe(0);
    await page.fill('#search', '寿'.repeat(101));
    await poll(() => page.locator('#search-status').getAttribute('role')).toBe('alert');
    expect(await page.locator('#search-status').innerText()).toMatch(/Something went wrong: .*100/);
    expect(await page.locator('#results a').count()).toBe(0);
    expect(opened.offsite()).toEqual([]);
  });

  it('goes from typing to an opened node with the keyboard alone', async () => {
    const opened = await harness.open('/explore');
    const { page } = opened;
    expect(await page.locator('label[for="search"]').innerText()).toBe('Search the graph');
    await page.locator('#search').focus();
    await page.keyboard.type('壽陽縣醫療集團', { delay: 40 }); // Traditional input
    await page.locator(`#results a[data-node="${GROUP}"]`).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.node)).toBe(GROUP);
    await page.keyboard.press('Enter');
    await drawn(page, GROUP);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    // Tab reaches the panel's actions and links; Enter on a link opens it.
    let target: string | undefined;
    for (let i = 0; i < 12 && !target; i++) {
      await page.keyboard.press('Tab');
      target = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.node);
    }
    expect(target).toBeTruthy();
    await page.keyboard.press('Enter');
    await drawn(page, target);
    // The canvas has a text alternative listing its nodes.
    expect(await page.locator('#graph-summary').innerText()).toMatch(/nodes/);
    expect(await page.locator('#graph-list li').count()).toBeGreaterThan(3);
    clean(opened);
  });

  it('does not blow up a one-node graph, and exports the graph as PNG', async () => {
    const opened = await openDrawn(explore('report:000'), 'report:000');
    const { page } = opened;
    expect(await page.evaluate(() => (window as any).cy.zoom())).toBeLessThanOrEqual(1.6);
    await page.locator('#export-menu summary').click();
    const download = page.waitForEvent('download');
    await page.locator('#export-png').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    expect([...(await downloaded(file)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    clean(opened);
  });

  it('draws the README screenshots: a group, and a hub, at desktop size', async () => {
    const shoot = async (id: string, file: string) => {
      const opened = await openDrawn(explore(id), id);
      // Once the panel's achievements have come, and the labels are placed.
      await poll(() => opened.page.locator('#details .achievements h3').innerText()).toMatch(/\(\d+\)/);
      await settledLabels(opened.page);
      await opened.page.screenshot({ path: join(SCREENSHOTS, file) });
      clean(opened);
    };
    await shoot(GROUP, 'explorer.png');
    await shoot(HUB, 'explorer-hub.png');
  });
});
