import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { seed } from '../../src/seed/seed.js';
import { postGraphQL, startHttp } from '../support/api.js';
import { freshKuzu } from '../support/stores.js';
import { SYNTHETIC_ENTRY, SYNTHETIC_FILE, SYNTHETIC_SOURCE, SYNTHETIC_TEXT } from '../fixtures/synthetic-report.js';

const run = promisify(execFile);
/** Runs one of the project's npm scripts' programs, as `npm run <script> -- args` would. */
const npmScript = (program: string, args: string[]) => {
  const env = { ...process.env };
  delete env.REPORTS_DIR;
  return run(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, program), ...args], { cwd: PROJECT_ROOT, env });
};

/**
 * The "Adding a report" steps of curation/README.md, as written, on a made-up report in a temporary
 * folder: the text in a reports folder, a manifest entry, the draft, its review (accepted whole),
 * the compiler into its own output folder; then the facts loaded into a fresh embedded store and
 * found through the API.
 */
describe('adding a report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'new-report-'));
  let kuzu: Awaited<ReturnType<typeof freshKuzu>>;
  let api: Awaited<ReturnType<typeof startHttp>>;
  const query = async (q: string) => {
    const { status, body } = await postGraphQL(api.url, { query: q });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    // 1. The text under a reports folder; 2. its manifest entry.
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', SYNTHETIC_FILE), SYNTHETIC_TEXT);
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reportsDir: 'reports', reports: [SYNTHETIC_ENTRY] }, null, 2));
    // 3. The draft; 4. its review: here every candidate is accepted, and the English the convention
    // could not give is written (a placeholder standing for the reviewer's).
    const manifest = ['--manifest', join(dir, 'reports.json')];
    const drafted = await npmScript('src/draft/cli.ts', [
      join(dir, 'reports', SYNTHETIC_FILE),
      '--source',
      SYNTHETIC_SOURCE,
      ...manifest,
      '--out',
      join(dir, 'draft.json'),
    ]);
    expect(drafted.stderr).toMatch(/draft of 905: .*Organization/);
    mkdirSync(join(dir, 'curation'));
    const accepted = join(dir, 'curation', `${SYNTHETIC_SOURCE}.json`);
    await npmScript('src/draft/cli.ts', ['--accept', join(dir, 'draft.json'), '--out', accepted]);
    const reviewed = JSON.parse(readFileSync(accepted, 'utf8')) as { entities: Array<Record<string, unknown>> };
    for (const e of reviewed.entities) {
      e.nameEn ??= `Reviewed ${String(e.name)}`;
      if (e.type === 'Achievement') e.statementEn = `Reviewed: ${String(e.statement)}`;
    }
    writeFileSync(accepted, JSON.stringify(reviewed));
    // 5. The compiler, into its own output folder.
    const compiled = await npmScript('src/curation/cli.ts', [...manifest, '--curation', join(dir, 'curation'), '--out', join(dir, 'cypher')]);
    expect(compiled.stdout).toMatch(/^ok: /);
    kuzu = await freshKuzu();
    await seed(kuzu.store, join(dir, 'cypher'));
    api = await startHttp(kuzu.store, { CYPHER_DIR: join(dir, 'cypher') });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await kuzu?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('drafts every item as a candidate with a quote, and accepting removes the marks', () => {
    const draft = JSON.parse(readFileSync(join(dir, 'draft.json'), 'utf8')) as { entities: Array<{ draft?: unknown }> };
    expect(draft.entities.length).toBeGreaterThan(10);
    expect(draft.entities.every((e) => e.draft)).toBe(true);
    expect(readFileSync(join(dir, 'curation', `${SYNTHETIC_SOURCE}.json`), 'utf8')).not.toContain('"draft"');
  });

  it('serves the report with its manifest metadata and place', async () => {
    const data = await query(`{ report(id: "report:${SYNTHETIC_SOURCE}") { title publisher date source place { name level } } }`);
    expect(data.report).toEqual({
      title: SYNTHETIC_ENTRY.title,
      publisher: SYNTHETIC_ENTRY.publisher,
      date: SYNTHETIC_ENTRY.date,
      source: SYNTHETIC_SOURCE,
      place: { name: '清河县', level: 'COUNTY' },
    });
  });

  it('finds its organizations, with their kind and place, through search and by id', async () => {
    const data = await query(`{
      group: organization(id: "org:清河县医疗集团") { name kind places { name } evidence { quote report { id } } }
      search(query: "清河縣人民醫院") { node { id } }
    }`);
    expect(data.group).toMatchObject({ name: '清河县医疗集团', kind: 'MEDICAL_GROUP', places: [{ name: '清河县' }] });
    expect(data.group.evidence[0].report.id).toBe(`report:${SYNTHETIC_SOURCE}`);
    expect(data.search.map((r: { node: { id: string } }) => r.node.id)).toContain('org:清河县人民医院');
  });

  it('finds its metric and its program', async () => {
    const data = await query(`{
      achievements(filter: { report: "report:${SYNTHETIC_SOURCE}", kinds: [METRIC] }, orderBy: VALUE_DESC, first: 5) {
        edges { node { value unit qualifier original holders { ... on Organization { name } } evidence { quote } } }
      }
      program(id: "prog:健康清河") { name kind runners { ... on Organization { name } } }
    }`);
    expect(data.achievements.edges[0].node).toMatchObject({ value: 350000, unit: '人次', qualifier: '超', original: '超35万人次' });
    expect(data.achievements.edges[0].node.holders).toEqual([{ name: '清河县医疗集团' }]);
    expect(data.program).toEqual({ name: '健康清河', kind: 'PROJECT', runners: [{ name: '清河县医疗集团' }] });
  });
});
