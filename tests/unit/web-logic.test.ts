import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { BOM, csvRow, csvValue } from '../../web/dashboard/csv.js';
import { chartVariables, notOnTab, pickBar } from '../../web/dashboard/selection.js';
import { emptyState } from '../../web/dashboard/state.js';
import { englishNumber, figure, qualifierPosition } from '../../web/shared/figure.js';
import { CLUSTER_AT, hiddenByRelationship, MAX_INDIVIDUAL, planExpansion, type Neighbour } from '../../web/explorer/plan.js';

const link = (id: string, type: string, rel = 'RUNS'): Neighbour => ({ entity: { id, name: id, nameEn: id, type }, type: rel, direction: 'OUT' });
const many = (n: number, type: string, rel?: string) => Array.from({ length: n }, (_, i) => link(`${type}:${i}`, type, rel));

describe("the explorer's expansion plan", () => {
  it('clusters achievements from a few on, and keeps organizations one by one', () => {
    const plan = planExpansion(
      [...many(49, 'ACHIEVEMENT', 'HAS_ACHIEVEMENT'), ...many(14, 'ORGANIZATION', 'PART_OF'), ...many(2, 'PLACE', 'LOCATED_IN')],
      new Set(),
    );
    expect(plan.clusters.map((c) => [c.type, c.members.length])).toEqual([['ACHIEVEMENT', 49]]);
    expect(plan.add.filter((e) => e.type === 'ORGANIZATION')).toHaveLength(14);
    expect(plan.add.filter((e) => e.type === 'PLACE')).toHaveLength(2);
    expect(planExpansion(many(CLUSTER_AT.ACHIEVEMENT! - 1, 'ACHIEVEMENT'), new Set()).clusters).toEqual([]);
  });

  it('never draws more than the budget one by one, and leaves drawn neighbours out', () => {
    const plan = planExpansion([...many(39, 'ORGANIZATION'), ...many(20, 'PLACE')], new Set(['ORGANIZATION:0']));
    expect(plan.add.length).toBeLessThanOrEqual(MAX_INDIVIDUAL);
    expect(plan.add.map((e) => e.id)).not.toContain('ORGANIZATION:0');
    expect(plan.clusters.map((c) => c.type)).toEqual(['PLACE']);
  });

  it('counts the hidden neighbours by relationship type, each once', () => {
    const links = [...many(3, 'PLACE', 'SUPPORTS'), link('PLACE:0', 'PLACE', 'LOCATED_IN'), link('ORGANIZATION:x', 'ORGANIZATION', 'PART_OF')];
    const hidden = hiddenByRelationship(links, new Set(['ORGANIZATION:x']));
    expect([...hidden].map(([rel, list]) => [rel, list.length])).toEqual([
      ['SUPPORTS', 3],
      ['LOCATED_IN', 1],
    ]);
  });
});

describe("the dashboard's CSV", () => {
  it('quotes what needs quoting and ends rows with CRLF; the file starts with a BOM', () => {
    expect(csvRow(['寿阳县医疗集团', '4.5万', 'a,b', 'say "hi"', 'two\nlines', ''])).toBe(
      '寿阳县医疗集团,4.5万,"a,b","say ""hi""","two\nlines",\r\n',
    );
    expect(new TextEncoder().encode(BOM)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes numbers plainly, flags as true or false, and the unknown as an empty cell', () => {
    expect([28000000, 4.5, true, false, null, '2,000余'].map(csvValue)).toEqual(['28000000', '4.5', 'true', 'false', '', '2,000余']);
  });
});

describe('figures, as the report writes them and as English does', () => {
  const zh = (value: number, qualifier: string | null, original: string | null, unit: string | null = null) =>
    figure({ value, qualifier, original, unit }, 'zh');
  const en = (value: number, qualifier: string | null, unit: string | null = null) => figure({ value, qualifier, unit }, 'en');

  it('puts 超, 近, 约 and 逾 before the number, 余 and 多 after it, 以上 and 左右 after the unit', () => {
    expect(zh(2000, '余', '2000余人次')).toBe('2,000余');
    expect(zh(2000, '余', '2000余人次', '人次')).toBe('2,000余人次');
    expect(zh(100, '近', '近百家')).toBe('近100');
    expect(zh(2_000_000_000, '约', '约20亿元')).toBe('约20亿');
    expect(zh(300, '逾', '逾300家', '家')).toBe('逾300家');
    expect(zh(9000, '多', '9000多名', '名')).toBe('9,000多名');
    expect(zh(60, '以上', '60%以上', '%')).toBe('60%以上');
    expect(zh(5, '左右', '5个左右', '个')).toBe('5个左右');
    expect(qualifierPosition('超')).toBe('before');
    expect(qualifierPosition('余')).toBe('number');
    expect(qualifierPosition('以上')).toBe('unit');
  });

  it('writes 万 and 亿 where the report does, the qualifier on the side of the magnitude the report puts it', () => {
    expect(zh(10_000_000, '多', '1000多万人次')).toBe('1,000多万');
    expect(zh(5_000_000, '余', '500余万套')).toBe('500余万');
    expect(zh(5_900_000, '余', '590万余人次')).toBe('590万余');
    expect(zh(29_000, '余', '2.9万余人次', '人次')).toBe('2.9万余人次');
    expect(zh(28_000_000, '超', '超2800万人次')).toBe('超2,800万');
    expect(zh(327_000_000, '超过', '超过3.27亿只')).toBe('超过3.27亿');
    expect(zh(45_000, null, '4.5万张')).toBe('4.5万');
    // Where the written digits are not the value in that magnitude, the plain number.
    expect(zh(1_000_000, '近', '近百万人')).toBe('近1,000,000');
    expect(zh(6, '以内', '十万分之六以内')).toBe('6以内');
  });

  it('writes English as people do: over 2,000, more than 10 million, nearly 100, about 20, 60% or more', () => {
    expect(en(2000, '余')).toBe('over 2,000');
    expect(en(10_000_000, '多')).toBe('more than 10 million');
    expect(en(100, '近')).toBe('nearly 100');
    expect(en(20, '约')).toBe('about 20');
    expect(en(60, '以上', '%')).toBe('60% or more');
    expect(en(2000, '余', 'person-times')).toBe('over 2,000 person-times');
    expect(en(10, '十几', 'hospitals')).toBe('more than 10 hospitals');
    expect(en(45_000, null, 'beds')).toBe('45,000 beds');
    expect(englishNumber(1_250_000)).toBe('1.25 million');
    expect(englishNumber(2_000_000_000)).toBe('2 billion');
    expect(englishNumber(1_234_567)).toBe('1,234,567');
    expect(figure({ value: null, qualifier: '余' }, 'en')).toBeNull();
  });

  it('knows where every qualifier the curated reports use goes', () => {
    const qualifiers = new Set<string>();
    const dir = join(PROJECT_ROOT, 'curation');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'reports.json'))
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/"qualifier":\s*"([^"]+)"/g)) qualifiers.add(match[1]!);
    expect(qualifiers.size).toBeGreaterThan(5);
    expect([...qualifiers].filter((q) => !qualifierPosition(q))).toEqual([]);
  });
});

describe("the dashboard's charts filtering each other", () => {
  const selection = { orgKinds: ['HOSPITAL'], place: 'place:山西省', report: undefined, year: 2023 };

  it("counts each chart under the other charts' selections, as far as they apply to what it counts", () => {
    expect(chartVariables(selection)).toEqual({
      types: { organizationKinds: ['HOSPITAL'], place: 'place:山西省', year: 2023 },
      // Organizations have no year: the kinds and provinces are not filtered by it.
      kinds: { place: 'place:山西省' },
      provinces: { kinds: ['HOSPITAL'] },
      reports: { organizationKinds: ['HOSPITAL'], place: 'place:山西省', year: 2023 },
      years: { holderKinds: ['HOSPITAL'], place: 'place:山西省' },
    });
    expect(chartVariables({ orgKinds: [] })).toEqual({ types: null, kinds: null, provinces: null, reports: null, years: null });
  });

  it('picks a bar (again: clears it), on a tab the selection applies to', () => {
    const onOrganizations = { ...emptyState('organizations'), after: 'x', offset: 25 };
    const year = pickBar(onOrganizations, 'year', '2023');
    expect(year).toMatchObject({ tab: 'achievements', year: 2023 });
    expect(year.after).toBeUndefined();
    expect(pickBar(year, 'year', '2023').year).toBeUndefined();
    expect(pickBar(year, 'orgKinds', 'HOSPITAL')).toMatchObject({ tab: 'achievements', orgKinds: ['HOSPITAL'], year: 2023 });
    expect(pickBar(emptyState('policies'), 'place', 'place:山西省')).toMatchObject({ tab: 'organizations', place: 'place:山西省' });
    expect(pickBar(emptyState('policies'), 'report', 'report:002')).toMatchObject({ tab: 'policies', report: 'report:002' });
    expect(notOnTab('organizations', selection)).toEqual(['year']);
    expect(notOnTab('policies', selection)).toEqual(['orgKinds', 'place', 'year']);
  });
});
