import { mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserHarness, HAS_CHROMIUM, SCREENSHOTS, SKIP_NOTE } from './harness.js';

describe.skipIf(!HAS_CHROMIUM)(`the dashboard's link to the bulk dump${SKIP_NOTE}`, () => {
  const harness = browserHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('downloads the whole graph, named with its version, from this server, in either language', async () => {
    const { page, offsite, errors } = await harness.open('/dashboard');
    const link = page.locator('footer.downloads a');
    await page.getByRole('combobox', { name: /language|语言/i }).selectOption('en');
    await expect.poll(() => link.textContent()).toBe('Download the whole graph (GraphML, Turtle, JSON Lines, CSV)');
    await link.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-download.tmp.png') });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^health-graph-[0-9a-f]{12}\.tar\.gz$/);
    const dir = mkdtempSync(join(tmpdir(), 'health-graph-download-'));
    try {
      const archive = join(dir, download.suggestedFilename());
      await download.saveAs(archive);
      // The system's tar reads it: the dump's folder holds every format and the manifest.
      const listed = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).split('\n');
      const folder = download.suggestedFilename().replace('.tar.gz', '');
      for (const file of [
        'manifest.json',
        'graph.graphml',
        'graph.ttl',
        'graph.jsonl',
        'csv/nodes/Organization.csv',
        'csv/relationships/MENTIONED_IN.csv',
      ])
        expect(listed).toContain(`${folder}/${file}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.getByRole('combobox', { name: /language|语言/i }).selectOption('zh');
    await expect.poll(() => link.textContent()).toBe('下载完整图谱（GraphML、Turtle、JSON Lines、CSV）');
    expect(offsite()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps the link whole on a phone', async () => {
    const { page, errors } = await harness.open('/dashboard', { width: 390, height: 844 });
    const link = page.locator('footer.downloads a');
    await link.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-download-390.tmp.png') });
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });
});
