import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/api.js';
import { axeViolations } from './a11y.js';
import { browserHarness, HAS_CHROMIUM, SCREENSHOTS, SKIP_NOTE, type OpenedPage } from './harness.js';

/** Longer than the filters' debounce (350 ms): the pause after which what was typed applies. */
const PAUSE = 700;

const ready = (page: Page) =>
  page.waitForFunction(() => document.body.dataset.charts === 'ready' && document.body.dataset.table === 'ready', null, { timeout: 30_000 });
/** Waits for the filter just typed to apply and its rows to come. */
const settle = async (page: Page) => {
  await page.waitForTimeout(PAUSE);
  await ready(page);
};
/** The explorer ids the table's rows link to (the statement or name column). */
const rowIds = (page: Page) =>
  page.locator('.facts-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const link = row.querySelector<HTMLAnchorElement>('td[data-key="statement"] a, td[data-key="name"] a')!;
      return new URL(link.href).searchParams.get('node');
    }),
  );
/** The bars of a chart as drawn by ECharts: label → value (or the stacked parts). */
const chartData = (page: Page, id: string) =>
  page.evaluate((id) => {
    const option = (window as any).charts[id].getOption();
    const labels: string[] = (option.yAxis[0].type === 'category' ? option.yAxis[0] : option.xAxis[0]).data;
    const series = option.series as Array<{ data: Array<{ value: number }> }>;
    return Object.fromEntries(labels.map((label, i) => [label, series.length > 1 ? series.map((s) => s.data[i]!.value) : series[0]!.data[i]!.value]));
  }, id);
/** The rows of a CSV file as RFC 4180 writes them (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name'));
/** Clicks a bar of a horizontal chart on its canvas, by the key it picks. */
async function clickBar(page: Page, chart: string, key: string): Promise<void> {
  const canvas = page.locator(`#chart-${chart} .chart`);
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const point = await page.evaluate(
    ({ chart, key }) => {
      const instance = (window as any).charts[chart];
      const data = instance.getOption().series[0].data as Array<{ key: string; value: number }>;
      const index = data.findIndex((d) => d.key === key);
      return instance.convertToPixel({ seriesIndex: 0 }, [Math.max(data[index]!.value / 2, 0.1), index]) as [number, number];
    },
    { chart, key },
  );
  await page.mouse.click(box.x + point[0], box.y + point[1]);
}

describe.skipIf(!HAS_CHROMIUM)(`the dashboard in a real browser${SKIP_NOTE}`, () => {
  const harness = browserHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await postGraphQL(harness.url, { query, variables });
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const achievementIds = async (filter: Record<string, unknown>, orderBy = 'YEAR_DESC', first = 25) =>
    (
      await api(
        'query($f: AchievementFilter, $o: AchievementOrder, $n: Int) { achievements(first: $n, filter: $f, orderBy: $o) { totalCount edges { node { id } } } }',
        { f: filter, o: orderBy, n: first },
      )
    ).achievements;
  const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((e) => e.node.id);
  function clean(opened: OpenedPage) {
    expect(opened.offsite()).toEqual([]);
    expect(opened.errors).toEqual([]);
  }

  it("draws the charts with the numbers of the API's stats, the year chart split into stated and inferred years", async () => {
    const opened = await harness.open('/dashboard');
    await ready(opened.page);
    const { stats } = await api(`{ stats { byType { type count } organizationsByKind { key count }
      byPlace(level: PROVINCE) { place { name nameEn: name(language: EN) } organizations }
      byReport { report { source titleEn: title(language: EN) } total } achievementsByYear { year count stated } achievementsWithoutYear } }`);
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
    const { page } = opened;
    expect(await chartData(page, 'byType')).toEqual(Object.fromEntries(stats.byType.map((c: any) => [labels[c.type], c.count])));
    expect(Object.values(await chartData(page, 'byKind')).sort()).toEqual(stats.organizationsByKind.map((c: any) => c.count).sort());
    // English labels (the interface speaks English here), the Chinese in the tooltip.
    expect(await chartData(page, 'byProvince')).toEqual(Object.fromEntries(stats.byPlace.map((c: any) => [c.place.nameEn, c.organizations])));
    expect(await chartData(page, 'byReport')).toEqual(
      Object.fromEntries(stats.byReport.map((c: any) => [`${c.report.source} ${c.report.titleEn}`, c.total])),
    );
    expect(await chartData(page, 'byYear')).toEqual(
      Object.fromEntries(stats.achievementsByYear.map((c: any) => [String(c.year), [c.stated, c.count - c.stated]])),
    );
    expect(stats.achievementsWithoutYear).toBe(0);
    const legend = await page.evaluate(() => (window as any).charts.byYear.getOption().legend[0].data.map((d: any) => d.name));
    expect(legend).toEqual(['Year stated in the sentence', 'Year from the report']);
    // Every achievement is in the chart: a bar for those without a year when there are any.
    const total = (await api('{ achievements(first: 0) { totalCount } }')).achievements.totalCount;
    expect(stats.achievementsByYear.reduce((sum: number, y: any) => sum + y.count, 0) + stats.achievementsWithoutYear).toBe(total);
    await page.locator('#chart-byYear summary').click();
    expect(await page.locator('#chart-byYear thead').innerText()).toMatch(/Year stated in the sentence\s+Year from the report\s+Count/);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: false });
    clean(opened);
  });

  it('keeps what is typed into every kind of filter, with pauses longer than the debounce, in the field and in the address', async () => {
    const opened = await harness.open('/dashboard');
    const { page } = opened;
    await ready(page);

    // Text: 核酸, a pause (it applies, the table reloads), then 检测.
    const text = page.locator('input[name="text"]');
    await text.click();
    await text.pressSequentially('核酸', { delay: 60 });
    await settle(page);
    expect(param(page, 'q')).toBe('核酸');
    await page.keyboard.type('检测', { delay: 60 });
    await settle(page);
    expect(await text.inputValue()).toBe('核酸检测');
    expect(param(page, 'q')).toBe('核酸检测');
    expect(await focusedName(page)).toBe('text');
    const typed = await achievementIds({ name: '核酸检测' });
    expect(typed.totalCount).toBeGreaterThan(0);
    await expect.poll(() => rowIds(page)).toEqual(ids(typed));
    await page.locator('button.reset').click();
    await ready(page);

    // Numbers: 20, a pause, 21 in the first year field; Tab; 2022 in the second.
    await page.locator('input[name="yearFrom"]').click();
    await page.keyboard.type('20', { delay: 60 });
    await settle(page);
    await page.keyboard.type('21', { delay: 60 });
    await settle(page);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('yearTo');
    await page.keyboard.type('2022', { delay: 60 });
    await settle(page);
    expect(await page.locator('input[name="yearFrom"]').inputValue()).toBe('2021');
    expect(await page.locator('input[name="yearTo"]').inputValue()).toBe('2022');
    expect([param(page, 'yfrom'), param(page, 'yto')]).toEqual(['2021', '2022']);
    expect(await focusedName(page)).toBe('yearTo');
    await expect.poll(() => rowIds(page)).toEqual(ids(await achievementIds({ yearFrom: 2021, yearTo: 2022 })));
    await page.locator('button.reset').click();
    await ready(page);

    // A select: the arrow key twice, with a pause between.
    const unit = page.locator('select[name="unit"]');
    await unit.focus();
    await page.keyboard.press('ArrowDown');
    await settle(page);
    await page.keyboard.press('ArrowDown');
    await settle(page);
    const second = await unit.evaluate((select: HTMLSelectElement) => select.options[2]!.value);
    expect(await unit.inputValue()).toBe(second);
    expect(param(page, 'unit')).toBe(second);
    expect(await focusedName(page)).toBe('unit');
    await expect.poll(() => rowIds(page)).toEqual(ids(await achievementIds({ unit: second })));
    await page.locator('button.reset').click();
    await ready(page);

    // A multi-select: two kinds ticked from the keyboard, with a pause between.
    await page.locator('#filters details.multi summary').first().click();
    await page.locator('input[name="kinds"][value="METRIC"]').focus();
    await page.keyboard.press('Space');
    await settle(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await settle(page);
    expect(param(page, 'kinds')).toBe('METRIC,AWARD');
    expect(await page.locator('input[name="kinds"]:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual([
      'METRIC',
      'AWARD',
    ]);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('AWARD');
    expect(await page.locator('#filters details.multi summary').first().innerText()).toBe('Metric, Award');
    await expect.poll(() => rowIds(page)).toEqual(ids(await achievementIds({ kinds: ['METRIC', 'AWARD'] })));
    // One edit, one step back.
    await page.keyboard.press('Escape');
    await page.goBack();
    await ready(page);
    expect(param(page, 'kinds')).toBeNull();
    expect(await page.locator('input[name="kinds"]:checked').count()).toBe(0);
    clean(opened);
  });

  it('saves a chart as a PNG, under the page’s own security policy', async () => {
    const opened = await harness.open('/dashboard');
    const { page } = opened;
    await ready(page);
    const downloading = page.waitForEvent('download');
    await page.locator('#chart-byYear button.save').click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe('health-graph-byYear.png');
    const bytes = Buffer.from(await new Response((await file.createReadStream()) as any).arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The image is the chart at twice its size on screen, and holds a drawing rather than a blank.
    const box = (await page.locator('#chart-byYear .chart').boundingBox())!;
    expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width) * 2);
    expect(bytes.readUInt32BE(20)).toBe(Math.round(box.height) * 2);
    expect(bytes.length).toBeGreaterThan(10_000);
    clean(opened);
  });

  it('writes figures as the report does, and in English as English does', async () => {
    const opened = await harness.open('/dashboard?lang=zh&q=%E5%8C%BB%E5%AD%A6%E8%A7%82%E5%AF%9F');
    const { page } = opened;
    await ready(page);
    const value = (id: string) => page.locator(`.facts-table tr:has(a[href$="${encodeURIComponent(id)}"]) td[data-key="value"]`).innerText();
    expect(await value('ach:002:2022年医学观察人次')).toBe('2,000余');
    await page.selectOption('#lang', 'en');
    await expect.poll(() => value('ach:002:2022年医学观察人次')).toBe('over 2,000');
    await page.goto(`${harness.url}/dashboard?lang=zh&q=${encodeURIComponent('核酸采转检报')}`);
    await ready(page);
    expect(await value('ach:002:2022年核酸采转检报人次')).toBe('1,000多万');
    await page.selectOption('#lang', 'en');
    await expect.poll(() => value('ach:002:2022年核酸采转检报人次')).toBe('more than 10 million');
    clean(opened);
  });

  it('exports every row in both languages, numbers as numbers, with the qualifier and whether masked or lost', async () => {
    const opened = await harness.open('/dashboard?tab=achievements&kinds=METRIC&report=report%3A002&sort=VALUE_DESC');
    const { page } = opened;
    await ready(page);
    const downloading = page.waitForEvent('download');
    await page.locator('#export-csv').click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(/^health-graph-achievements-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await new Response((await file.createReadStream()) as any).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [comment, query, ...body] = text.split('\r\n');
    expect(comment).toMatch(/^# Health graph: achievements, exported \d{4}-/);
    expect(query).toContain('"report":"report:002"');
    const [header, ...rows] = parseCsv(body.join('\r\n'));
    expect(header).toEqual([
      'Id',
      'Statement (Chinese)',
      'Statement (English)',
      'Holder (Chinese)',
      'Holder (English)',
      'Holder kind',
      'Kind',
      'Value',
      'Qualifier',
      'Masked',
      'Lost',
      'Unit (Chinese)',
      'Unit (English)',
      'As written',
      'Year',
      'Period start',
      'Period end',
      'Period basis',
      'Period note',
      'Mentions',
      'Report (Chinese)',
      'Report (English)',
      'Quote',
    ]);
    const { achievements } = await api(
      `{ achievements(first: 100, filter: { kinds: [METRIC], report: "report:002" }, orderBy: VALUE_DESC) { totalCount edges { node {
        id statement statementEn: statement(language: EN) value qualifier unit unitEn: unit(language: EN) } } } }`,
    );
    expect(rows).toHaveLength(achievements.totalCount);
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
    const column = (name: string) => header!.indexOf(name);
    // The first row, largest first: 1000多万人次, the number plain, its qualifier and units apart.
    const first = rows[0]!;
    const top = achievements.edges[0].node;
    expect(first[column('Id')]).toBe(top.id);
    expect(first[column('Value')]).toBe(String(top.value));
    expect(first[column('Qualifier')]).toBe('多');
    expect([first[column('Masked')], first[column('Lost')]]).toEqual(['false', 'false']);
    expect([first[column('Unit (Chinese)')], first[column('Unit (English)')]]).toEqual([top.unit, top.unitEn]);
    expect([first[column('Statement (Chinese)')], first[column('Statement (English)')]]).toEqual([top.statement, top.statementEn]);
    await expect.poll(() => page.locator('#table-status').innerText()).toBe(`Exported ${achievements.totalCount} rows`);

    // A masked number: no value, and saying so.
    await page.goto(`${harness.url}/dashboard?tab=achievements&kinds=METRIC&report=report%3A001`);
    await ready(page);
    const json = page.waitForEvent('download');
    await page.locator('#export-json').click();
    const parsed = JSON.parse(await new Response((await (await json).createReadStream()) as any).text());
    expect(parsed.query).toEqual({
      operation: 'DashboardAchievements',
      variables: { filter: { report: 'report:001', kinds: ['METRIC'] }, orderBy: 'YEAR_DESC' },
    });
    const masked = parsed.rows.filter((r: any) => r.masked);
    expect(masked.length).toBeGreaterThan(0);
    for (const row of masked) expect([row.value, row.lost]).toEqual([null, false]);
    const known = parsed.rows.find((r: any) => r.value !== null);
    expect(typeof known.value).toBe('number');
    expect(typeof known.statementEn).toBe('string');
    expect(known.statementEn).not.toBe(known.statement);
    expect(parsed.rows).toHaveLength(parsed.total);
    clean(opened);
  });

  it('marks the years taken from the report, and a year bar lists exactly its achievements', async () => {
    const opened = await harness.open('/dashboard');
    const { page } = opened;
    await ready(page);
    const { achievements } = await api('{ achievements(first: 25, orderBy: YEAR_DESC) { edges { node { id period { start end basis note } } } } }');
    const inferred = achievements.edges.find((e: any) => e.node.period.basis === 'FROM_REPORT').node;
    const cell = page.locator(`.facts-table tr:has(a[href$="${encodeURIComponent(inferred.id)}"]) td[data-key="year"] .inferred`);
    expect(await cell.innerText()).toMatch(/\(from report\)$/);
    expect(await cell.getAttribute('title')).toBe(inferred.period.note);
    // The default order is by the year column, and the header says so.
    expect(await page.locator('th[data-key="year"]').getAttribute('aria-sort')).toBe('descending');

    await page.locator('#chart-byYear summary').click();
    await page.locator('#chart-byYear button.link', { hasText: '2022' }).click();
    await ready(page);
    expect(param(page, 'year')).toBe('2022');
    const { stats } = await api('{ stats { achievementsByYear { year count } } }');
    const bar = stats.achievementsByYear.find((y: any) => y.year === 2022).count;
    const listed = await achievementIds({ year: 2022 });
    expect(listed.totalCount).toBe(bar);
    expect(await page.locator('#pager .range').innerText()).toBe(`Rows 1–25 of ${bar}`);
    await expect.poll(() => rowIds(page)).toEqual(ids(listed));
    // What the medical groups achieved in 2023: both picked, the table and the charts narrowed to them.
    await page.goto(`${harness.url}/dashboard?okinds=MEDICAL_GROUP&year=2023`);
    await ready(page);
    await expect.poll(() => rowIds(page)).toEqual(ids(await achievementIds({ holderKinds: ['MEDICAL_GROUP'], year: 2023 })));
    await page.locator('.facts-section').screenshot({ path: join(SCREENSHOTS, 'dashboard-facts.png') });
    clean(opened);
  });

  it('sorts by the columns it shows, says which, and takes several kinds at once', async () => {
    const opened = await harness.open('/dashboard?tab=organizations&okinds=HOSPITAL,MEDICAL_GROUP');
    const { page } = opened;
    await ready(page);
    const list = (orderBy: string) =>
      api(
        'query($o: EntityOrder) { organizations(first: 25, filter: { kinds: [HOSPITAL, MEDICAL_GROUP] }, orderBy: $o) { totalCount edges { node { id } } } }',
        { o: orderBy },
      );
    const mentioned = (await list('MENTIONS_DESC')).organizations;
    await expect.poll(() => rowIds(page)).toEqual(ids(mentioned));
    expect(await page.locator('th[data-key="mentions"]').getAttribute('aria-sort')).toBe('descending');
    const counts = (await page.locator('.facts-table td[data-key="mentions"]').allInnerTexts()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.locator('#filters details.multi summary').innerText()).toBe('Medical group, Hospital');
    await page.locator('th[data-key="name"] button').click();
    await ready(page);
    expect(param(page, 'sort')).toBe('NAME_ASC');
    expect(await page.locator('th[data-key="name"]').getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator('th[data-key="mentions"]').getAttribute('aria-sort')).toBe('none');
    await expect.poll(() => rowIds(page)).toEqual(ids((await list('NAME_ASC')).organizations));
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('NAME_ASC');
    clean(opened);
  });

  it('filters the other charts by a bar, with a clear button, kept in the address and in a link opened elsewhere', async () => {
    const opened = await harness.open('/dashboard');
    const { page } = opened;
    await ready(page);
    // On the achievements tab, a kind picks the achievements of organizations of that kind.
    await clickBar(page, 'byKind', 'HOSPITAL');
    await ready(page);
    expect([param(page, 'tab'), param(page, 'okinds')]).toEqual(['achievements', 'HOSPITAL']);
    await expect.poll(() => rowIds(page)).toEqual(ids(await achievementIds({ holderKinds: ['HOSPITAL'] })));
    await page.locator('#tab-organizations').click();
    await ready(page);
    const { stats } =
      await api(`{ stats { byPlace(level: PROVINCE, filter: { kinds: [HOSPITAL] }) { place { id nameEn: name(language: EN) } organizations }
      achievementsByYear(filter: { holderKinds: [HOSPITAL] }) { year count stated } } }`);
    const provinces = await chartData(page, 'byProvince');
    for (const { place, organizations } of stats.byPlace) expect(provinces[place.nameEn], place.id).toBe(organizations);
    const years = await chartData(page, 'byYear');
    for (const { year, count, stated } of stats.achievementsByYear) expect(years[String(year)]).toEqual([stated, count - stated]);
    expect(await page.locator('#chart-byProvince .chart-note').first().innerText()).toBe('Filtered by Hospital');
    const chip = page.locator('#chart-byKind .chip');
    expect(await chip.innerText()).toBe('Clear Hospital ✕');
    const table = (await api('{ organizations(first: 25, filter: { kinds: [HOSPITAL] }, orderBy: MENTIONS_DESC) { edges { node { id } } } }'))
      .organizations;
    await expect.poll(() => rowIds(page)).toEqual(ids(table));

    // A province picked too: the kinds chart counts in it, the table narrows to both.
    await page.locator('#chart-byProvince summary').click();
    await page.locator('#chart-byProvince button.link', { hasText: 'Shanxi Province' }).click();
    await ready(page);
    expect(param(page, 'place')).toBe('place:山西省');
    const inShanxi = (await api('{ stats { organizationsByKind(filter: { place: "place:山西省" }) { key count } } }')).stats.organizationsByKind;
    expect(
      Object.values(await chartData(page, 'byKind'))
        .filter(Boolean)
        .sort(),
    ).toEqual(inShanxi.map((k: any) => k.count).sort());
    const url = page.url();

    // The link, opened in a fresh browser, shows the same selection.
    const shared = await harness.open(url.slice(harness.url.length));
    await ready(shared.page);
    expect(await chartData(shared.page, 'byProvince')).toEqual(await chartData(page, 'byProvince'));
    expect(await shared.page.locator('.chip').allInnerTexts()).toEqual(await page.locator('.chip').allInnerTexts());
    clean(shared);

    // Clear the kind: its chip goes, the charts count every kind again; Back brings it back.
    await chip.click();
    await ready(page);
    expect(param(page, 'okinds')).toBeNull();
    expect(await page.locator('#chart-byKind .chip').count()).toBe(0);
    await page.goBack();
    await ready(page);
    expect(param(page, 'okinds')).toBe('HOSPITAL');
    expect(await page.locator('#chart-byKind .chip').count()).toBe(1);
    clean(opened);
  });

  it('shows English names, statements, places and units in English mode, the Chinese beside them, and keeps the language in the address', async () => {
    const opened = await harness.open('/dashboard?tab=achievements&report=report%3A002&lang=zh');
    const { page } = opened;
    await ready(page);
    expect(await page.locator('#facts-title').innerText()).toBe('事实表');
    expect(await page.locator('.facts-table thead').innerText()).toContain('主体');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-zh.png') });
    await page.selectOption('#lang', 'en');
    await expect.poll(() => param(page, 'lang')).toBe('en');
    await ready(page);
    const { achievements } = await api(
      `{ achievements(first: 1, filter: { report: "report:002" }, orderBy: YEAR_DESC) { edges { node { id statement statementEn: statement(language: EN)
        unit unitEn: unit(language: EN) holders { name nameEn: name(language: EN) } } } } }`,
    );
    const a = achievements.edges[0].node;
    const row = page.locator('.facts-table tbody tr').first();
    expect(await row.locator('td[data-key="statement"]').innerText()).toBe(`${a.statementEn}\n${a.statement}`);
    expect(await row.locator('td[data-key="holder"] a').first().innerText()).toBe(a.holders[0].nameEn);
    expect(await row.locator('td[data-key="holder"] a').first().getAttribute('title')).toBe(a.holders[0].name);
    if (a.unit) expect(await row.locator('td[data-key="unit"]').innerText()).toBe(`${a.unitEn}\n${a.unit}`);
    expect(await page.locator('select[name="place"] option[value="place:山西省"]').innerText()).toBe('Shanxi Province');
    expect(Object.keys(await chartData(page, 'byProvince'))).toContain('Shanxi Province');
    // A shared link keeps its language, whatever the reader's browser speaks; the choice is remembered.
    const shared = await harness.open(`/dashboard?lang=zh`);
    await ready(shared.page);
    expect(await shared.page.locator('#facts-title').innerText()).toBe('事实表');
    await page.reload();
    await ready(page);
    expect(await page.locator('#facts-title').innerText()).toBe('Facts');
    clean(opened);
    clean(shared);
  });

  it('has no critical or serious accessibility violations, in both languages and at 390 px', async () => {
    for (const [path, viewport] of [
      ['/dashboard?lang=en&okinds=HOSPITAL', undefined],
      ['/dashboard?lang=zh&tab=organizations', undefined],
      ['/dashboard?lang=en&year=2023', { width: 390, height: 844 }],
    ] as const) {
      const opened = await harness.open(path, viewport);
      await ready(opened.page);
      await opened.page.locator('#filters details.multi summary').first().click();
      expect(await axeViolations(opened.page), path).toEqual([]);
      clean(opened);
    }
  });

  it('keeps the pager in reach at 390 px, the page short and without sideways scrolling, and says when no row matches', async () => {
    const opened = await harness.open('/dashboard?tab=achievements&q=%E6%B2%A1%E6%9C%89%E8%BF%99%E6%A0%B7%E7%9A%84%E6%88%90%E6%9E%9C', {
      width: 390,
      height: 844,
    });
    const { page } = opened;
    await ready(page);
    expect(await page.locator('#table .empty').innerText()).toBe('No rows match these filters.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${harness.url}/dashboard?tab=achievements&okinds=MEDICAL_GROUP`);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('.facts-table tbody tr').count()).toBe(10);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(9000);
    // Half way down the cards, the pager is on screen; at their end, so is the one below them.
    await page.locator('.facts-table tbody tr').nth(5).scrollIntoViewIfNeeded();
    const top = (await page.locator('#pager').boundingBox())!;
    expect(top.y).toBeGreaterThanOrEqual(0);
    expect(top.y + top.height).toBeLessThanOrEqual(844);
    await page.locator('#pager-bottom .next').scrollIntoViewIfNeeded();
    await page.locator('#pager-bottom .next').click();
    await ready(page);
    expect(param(page, 'from')).toBe('10');
    expect(await page.locator('#pager .range').innerText()).toMatch(/^Rows 11–20 of /);
    await page.locator('#facts-title').scrollIntoViewIfNeeded();
    await page.locator('.facts-section').screenshot({ path: join(SCREENSHOTS, 'dashboard-390.png') });
    clean(opened);
  });
});
