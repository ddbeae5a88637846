import { describe, expect, it } from 'vitest';
import { BOM, csvRow } from '../../web/dashboard/csv.js';
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
});
