import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/api.js';
import { browserHarness, HAS_CHROMIUM, SCREENSHOTS, SKIP_NOTE, type OpenedPage } from './harness.js';

const ready = (page: Page) =>
  page.waitForFunction(() => document.body.dataset.charts === 'ready' && document.body.dataset.table === 'ready', null, { timeout: 30_000 });
/** The explorer ids the table's rows link to (the statement or name column). */
const rowIds = (page: Page) =>
  page.locator('.facts-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const link = row.querySelector<HTMLAnchorElement>('td[data-key="statement"] a, td[data-key="name"] a')!;
      return new URL(link.href).searchParams.get('node');
    }),
  );
/** The data of a chart as drawn by ECharts: label → value. */
const chartData = (page: Page, id: string) =>
  page.evaluate((id) => {
    const option = (window as any).charts[id].getOption();
    const labels: string[] = (option.yAxis[0].type === 'category' ? option.yAxis[0] : option.xAxis[0]).data;
    return Object.fromEntries(option.series[0].data.map((d: any, i: number) => [labels[i], d.value]));
  }, id);

describe.skipIf(!HAS_CHROMIUM)(`the dashboard in a real browser${SKIP_NOTE}`, () => {
  const harness = browserHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await postGraphQL(harness.url, { query, variables });
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const achievementIds = async (filter: Record<string, unknown>, orderBy = 'NAME_ASC', first = 25) =>
    (
      await api(
        'query($f: AchievementFilter, $o: AchievementOrder, $n: Int) { achievements(first: $n, filter: $f, orderBy: $o) { totalCount edges { node { id } } } }',
        { f: filter, o: orderBy, n: first },
      )
    ).achievements;
  function clean(opened: OpenedPage) {
    expect(opened.offsite()).toEqual([]);
    expect(opened.errors).toEqual([]);
  }

  it("draws the charts with the numbers of the API's stats", async () => {
    const opened = await harness.open('/dashboard');
    await ready(opened.page);
    const { stats } =
      await api(`{ stats { byType { type count } organizationsByKind { key count } byPlace(level: PROVINCE) { place { name } organizations }
      byReport { report { source title } total } achievementsByYear { year count } } }`);
    const labels: Record<string, string> = {
      ORGANIZATION: 'Organization',
      PROGRAM: 'Program',
      ACHIEVEMENT: 'Achievement',
      PERSON: 'Person',
      PLACE: 'Place',
      POLICY: 'Policy',
      EVENT: 'Event',
      REPORT: 'Report',
    };
    expect(await chartData(opened.page, 'byType')).toEqual(Object.fromEntries(stats.byType.map((c: any) => [labels[c.type], c.count])));
    expect(Object.values(await chartData(opened.page, 'byKind')).sort()).toEqual(stats.organizationsByKind.map((c: any) => c.count).sort());
    expect(await chartData(opened.page, 'byProvince')).toEqual(Object.fromEntries(stats.byPlace.map((c: any) => [c.place.name, c.organizations])));
    expect(await chartData(opened.page, 'byReport')).toEqual(
      Object.fromEntries(stats.byReport.map((c: any) => [`${c.report.source} ${c.report.title}`, c.total])),
    );
    expect(await chartData(opened.page, 'byYear')).toEqual(Object.fromEntries(stats.achievementsByYear.map((c: any) => [String(c.year), c.count])));
    await opened.page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: false });
    clean(opened);
  });

  it('filters the table to the rows the API returns for the same filter: what every medical group achieved in 2023', async () => {
    const opened = await harness.open('/dashboard');
    const { page } = opened;
    await ready(page);
    await page.selectOption('select[name="holderKinds"]', 'MEDICAL_GROUP');
    await ready(page);
    await page.fill('input[name="yearFrom"]', '2023');
    await page.locator('input[name="yearFrom"]').press('Tab');
    await ready(page);
    await page.fill('input[name="yearTo"]', '2023');
    await page.locator('input[name="yearTo"]').press('Tab');
    await ready(page);
    const filter = { holderKinds: ['MEDICAL_GROUP'], yearFrom: 2023, yearTo: 2023 };
    const expected = await achievementIds(filter);
    await expect.poll(() => rowIds(page)).toEqual(expected.edges.map((e: any) => e.node.id));
    expect(await page.locator('#pager .range').innerText()).toContain(`of ${expected.totalCount}`);
    // Sorting by value asks the API for the same order.
    await page.locator('th[data-key="value"] button').click();
    await ready(page);
    await expect.poll(() => rowIds(page)).toEqual((await achievementIds(filter, 'VALUE_DESC')).edges.map((e: any) => e.node.id));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('VALUE_DESC');
    // Each row opens its entity in the explorer.
    const href = await page.locator('.facts-table tbody tr td[data-key="statement"] a').first().getAttribute('href');
    expect(href).toMatch(/^\/explore\?node=ach%3A/);
    await page.locator('.facts-section').screenshot({ path: join(SCREENSHOTS, 'dashboard-facts.png') });
    clean(opened);
  });

  it('filters the table by clicking a chart bar', async () => {
    const opened = await harness.open('/dashboard');
    const { page } = opened;
    await ready(page);
    await page.locator('#chart-byYear summary').click();
    await page.locator('#chart-byYear button.link', { hasText: '2023' }).click();
    await ready(page);
    expect(new URL(page.url()).searchParams.get('yfrom')).toBe('2023');
    const expected = await achievementIds({ yearFrom: 2023, yearTo: 2023 });
    await expect.poll(() => rowIds(page)).toEqual(expected.edges.map((e: any) => e.node.id));
    // A bar on the canvas: the organization kinds chart filters organizations by the kind clicked.
    await page.locator('#chart-byKind .chart').scrollIntoViewIfNeeded();
    const box = (await page.locator('#chart-byKind .chart').boundingBox())!;
    const at = await page.evaluate(() => {
      const chart = (window as any).charts.byKind;
      const option = chart.getOption();
      const last = option.series[0].data.length - 1;
      return { point: chart.convertToPixel({ seriesIndex: 0 }, [option.series[0].data[last].value / 2, last]), key: option.series[0].data[last].key };
    });
    await page.mouse.click(box.x + at.point[0], box.y + at.point[1]);
    await ready(page);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('organizations');
    expect(new URL(page.url()).searchParams.get('kinds')).toBe(at.key);
    clean(opened);
  });

  it("exports the filtered table as CSV with a BOM, the query, the header and the API's rows", async () => {
    const opened = await harness.open('/dashboard?tab=achievements&kinds=METRIC&unit=%E4%BA%BA%E6%AC%A1&sort=VALUE_DESC');
    const { page } = opened;
    await ready(page);
    const download = page.waitForEvent('download');
    await page.locator('#export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^health-graph-achievements-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await new Response((await file.createReadStream()) as any).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^# Health graph: achievements, exported \d{4}-/);
    expect(lines[1]).toContain('"unit":"人次"');
    expect(lines[2]).toBe('Holder,Holder kind,Statement,Value,Unit,Year,Kind,Report,Quote');
    const expected = await achievementIds({ kinds: ['METRIC'], unit: '人次' }, 'VALUE_DESC', 100);
    expect(lines.length - 3).toBe(expected.totalCount);
    const { achievements } = await api(
      'query { achievements(first: 100, filter: { kinds: [METRIC], unit: "人次" }, orderBy: VALUE_DESC) { edges { node { statement value } } } }',
    );
    const statements = lines.slice(3).map((line) => line.split(',')[2]!.replace(/^"|"$/g, ''));
    expect(statements.slice(0, 5)).toEqual(achievements.edges.slice(0, 5).map((e: any) => e.node.statement));
    await expect.poll(() => page.locator('#table-status').innerText()).toBe(`Exported ${expected.totalCount} rows`);

    const json = page.waitForEvent('download');
    await page.locator('#export-json').click();
    const parsed = JSON.parse(await new Response((await (await json).createReadStream()) as any).text());
    expect(parsed.query).toEqual({
      operation: 'DashboardAchievements',
      variables: { filter: { kinds: ['METRIC'], unit: '人次' }, orderBy: 'VALUE_DESC' },
    });
    expect(parsed.rows).toHaveLength(expected.totalCount);
    clean(opened);
  });

  it('keeps tab, filters and sort in the address: a URL restores them and Back undoes a change', async () => {
    const opened = await harness.open('/dashboard?tab=organizations&kinds=HOSPITAL&place=place%3A%E5%B1%B1%E8%A5%BF%E7%9C%81&sort=NAME_DESC');
    const { page } = opened;
    await ready(page);
    expect(await page.locator('#tab-organizations').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('select[name="kinds"]').inputValue()).toBe('HOSPITAL');
    expect(await page.locator('select[name="place"]').inputValue()).toBe('place:山西省');
    const { organizations } = await api(
      '{ organizations(first: 25, filter: { kinds: [HOSPITAL], place: "place:山西省" }, orderBy: NAME_DESC) { edges { node { id } } } }',
    );
    await expect.poll(() => rowIds(page)).toEqual(organizations.edges.map((e: any) => e.node.id));
    await page.locator('#tab-policies').click();
    await ready(page);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('policies');
    await page.goBack();
    await ready(page);
    expect(await page.locator('#tab-organizations').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => rowIds(page)).toEqual(organizations.edges.map((e: any) => e.node.id));
    clean(opened);
  });

  it('switches the interface to Chinese and remembers it; data stays as written', async () => {
    const opened = await harness.open('/dashboard');
    const { page } = opened;
    await ready(page);
    expect(await page.locator('#facts-title').innerText()).toBe('Facts');
    await page.selectOption('#lang', 'zh');
    await expect.poll(() => page.locator('#facts-title').innerText()).toBe('事实表');
    expect(await page.locator('#tab-organizations').innerText()).toBe('机构');
    expect(await page.locator('nav#pages a[href="/explore"]').innerText()).toBe('图谱浏览');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.reload();
    await ready(page);
    expect(await page.locator('#facts-title').innerText()).toBe('事实表');
    expect(await page.locator('.facts-table thead').innerText()).toContain('主体');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-zh.png') });
    await page.selectOption('#lang', 'en');
    clean(opened);
  });

  it('fits a 390 px screen without sideways scrolling, and says when no row matches', async () => {
    const opened = await harness.open('/dashboard?tab=achievements&q=%E6%B2%A1%E6%9C%89%E8%BF%99%E6%A0%B7%E7%9A%84%E6%88%90%E6%9E%9C', {
      width: 390,
      height: 844,
    });
    const { page } = opened;
    await ready(page);
    expect(await page.locator('#table .empty').innerText()).toBe('No rows match these filters.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${harness.url}/dashboard?tab=achievements&hkinds=MEDICAL_GROUP&yfrom=2023&yto=2023`);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('.facts-section').screenshot({ path: join(SCREENSHOTS, 'dashboard-390.png') });
    clean(opened);
  });
});
