import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { clearCanvas, collapseNodes, hideNodes, openEntity, openGroup, swapPathEnds } from '../../web/explorer/edits.js';
import type { Entity } from '../../web/explorer/entities.js';
import { labelTexts } from '../../web/explorer/labels.js';
import { buildCanvas, clusterId, settle, type Known, type PathResult } from '../../web/explorer/model.js';
import type { Neighbour } from '../../web/explorer/plan.js';
import {
  DamagedAddress,
  decodeParams,
  emptyState,
  encodeState,
  PACK_AT,
  parseState,
  stateParams,
  type ExplorerState,
} from '../../web/explorer/state.js';

const entity = (id: string, type = 'ORGANIZATION'): Entity => ({ id, name: id, nameEn: `${id} (en)`, type });
const out = (id: string, type = 'ORGANIZATION', rel = 'PART_OF'): Neighbour => ({ entity: entity(id, type), type: rel, direction: 'OUT' });

/** A small graph: a group with three hospitals and six achievements; one hospital also has a clinic, shared with the group's partner. */
function graph(): Known {
  const links: Record<string, Neighbour[]> = {
    'org:group': [
      out('org:h1', 'ORGANIZATION', 'PART_OF'),
      out('org:h2', 'ORGANIZATION', 'PART_OF'),
      out('org:h3', 'ORGANIZATION', 'PART_OF'),
      ...Array.from({ length: 6 }, (_, i) => out(`ach:${i}`, 'ACHIEVEMENT', 'HAS_ACHIEVEMENT')),
    ],
    'org:h1': [{ ...out('org:group'), direction: 'IN' }, out('org:clinic'), out('org:lab')],
    'org:partner': [out('org:clinic', 'ORGANIZATION', 'SUPPORTS')],
  };
  const all = new Map<string, Entity>();
  for (const [id, list] of Object.entries(links)) {
    all.set(id, entity(id));
    for (const l of list) all.set(l.entity.id, l.entity);
  }
  return { entity: (id) => all.get(id), links: (id) => links[id] };
}

const state = (over: Partial<ExplorerState> = {}): ExplorerState => ({ ...emptyState('zh'), ...over });
const drawn = (s: ExplorerState, known = graph(), path: PathResult | null = null) => [...buildCanvas(s, known, path).nodes.keys()].sort();

describe("the explorer's address", () => {
  it('holds the whole view and reads back the same state, ids as they are (commas, tildes and all)', () => {
    const view = state({
      nodes: ['org:寿阳县医疗集团', 'prog:关爱慢病老人,我们医路同行'],
      expanded: ['org:寿阳县医疗集团', 'ach:001-13:xx~xx岁人群全程接种人数'],
      opened: [
        { center: 'org:寿阳县医疗集团', key: 'ACHIEVEMENT' },
        { center: 'ach:001-13:xx~xx岁人群全程接种人数', key: 'SUPPORTS' },
      ],
      hidden: ['place:中国'],
      selected: ['org:寿阳县人民医院', 'PART_OF|org:a|org:b'],
      from: 'org:寿阳县人民医院',
      to: 'org:国家卫生健康委员会',
      avoid: ['place:中国'],
      avoidTypes: [],
      pathTypes: ['PART_OF', 'RUNS'],
      maxLength: 10,
      hideTypes: ['POLICY'],
      hideKinds: ['OTHER'],
      hideRels: ['LOCATED_IN'],
      years: [2021, 2023],
      sizeBy: 'links',
      lang: 'en',
    });
    const { state: back, ignored } = parseState(stateParams(view), 'zh');
    expect(back).toEqual(view);
    expect(ignored).toEqual([]);
  });

  it('is documented in the README, parameter by parameter', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| parameter | what it holds |')).split('\n\n')[0]!;
    const documented = [...table.matchAll(/^\| (`[^|]+`(?:, `[^|]+`)*) \|/gm)].flatMap(([, keys]) =>
      [...keys!.matchAll(/`(\w+)`/g)].map(([, key]) => key),
    );
    const full = state({
      nodes: ['a'],
      expanded: ['a'],
      opened: [{ center: 'a', key: 'PLACE' }],
      hidden: ['b'],
      selected: ['a'],
      from: 'a',
      to: 'c',
    });
    const written = [
      ...stateParams({
        ...full,
        avoid: ['b'],
        avoidTypes: [],
        pathTypes: ['RUNS'],
        maxLength: 3,
        hideTypes: ['EVENT'],
        hideKinds: ['OTHER'],
        hideRels: ['RUNS'],
        years: [2020, 2021],
        sizeBy: 'links',
      }).keys(),
    ];
    expect(documented.sort()).toEqual([...new Set([...written, 'node', 'z'])].sort());
  });

  it('leaves defaults out, so a plain view has a short address', () => {
    expect(stateParams(state({ nodes: ['org:x'], expanded: ['org:x'], selected: ['org:x'] })).toString()).toBe(
      'n=org%3Ax&x=org%3Ax&s=org%3Ax&lang=zh',
    );
  });

  it("opens an entity from every page's link (node=…): drawn, expanded and selected", () => {
    const { state: view } = parseState(new URLSearchParams('node=org:寿阳县医疗集团&lang=en'), 'zh');
    expect(view).toMatchObject({ nodes: ['org:寿阳县医疗集团'], expanded: ['org:寿阳县医疗集团'], selected: ['org:寿阳县医疗集团'], lang: 'en' });
  });

  it('names what it does not understand and leaves it out', () => {
    const { state: view, ignored } = parseState(new URLSearchParams('ft=POLICY,ROBOT&len=99&y=last&sz=big&o=org:x&lang=fr'), 'zh');
    expect(ignored).toEqual(['o=org:x', 'ft=ROBOT', 'len=99', 'y=last', 'sz=big', 'lang=fr']);
    expect(view).toMatchObject({ hideTypes: ['POLICY'], maxLength: 8, opened: [], lang: 'zh' });
    expect(view.years).toBeUndefined();
  });

  it('packs a long view into z=…, which unpacks to the same state; a damaged one is an error naming it', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `org:寿阳县第${i}号卫生院`);
    const view = state({ nodes: many, expanded: many, selected: [many[0]!] });
    const query = await encodeState(view);
    expect(query).toMatch(/^z=[\w-]+$/);
    expect(query.length).toBeLessThan(PACK_AT);
    expect(parseState(await decodeParams(query), 'zh').state).toEqual(view);
    const short = await encodeState(state({ nodes: ['org:寿阳县医疗集团'] }));
    expect(short).toBe('n=org:寿阳县医疗集团&lang=zh');
    await expect(decodeParams('z=not-packed-at-all')).rejects.toBeInstanceOf(DamagedAddress);
  });
});

describe("the explorer's canvas, from its state", () => {
  it('adds a second entity beside the first instead of replacing it', () => {
    const one = openEntity(state(), 'org:group', new Set());
    const two = openEntity(one, 'org:partner', buildCanvas(one, graph(), null).reached);
    expect(drawn(one)).toEqual(['org:group', 'org:h1', 'org:h2', 'org:h3']);
    expect(drawn(two)).toEqual(['org:clinic', 'org:group', 'org:h1', 'org:h2', 'org:h3', 'org:partner']);
    expect(two.nodes).toEqual(['org:group', 'org:partner']);
    // An entity already drawn is expanded in place, not added again.
    expect(openEntity(two, 'org:h1', buildCanvas(two, graph(), null).reached).nodes).toEqual(['org:group', 'org:partner']);
  });

  it('groups many achievements in a cluster, which opens in place', () => {
    const view = state({ nodes: ['org:group'], expanded: ['org:group'] });
    const model = buildCanvas(view, graph(), null);
    expect(model.clusters.map((c) => [c.id, c.members.length])).toEqual([[clusterId('org:group', 'ACHIEVEMENT'), 6]]);
    const opened = buildCanvas(openGroup(view, 'org:group', 'ACHIEVEMENT'), graph(), null);
    expect(opened.clusters).toEqual([]);
    expect([...opened.nodes.keys()].filter((id) => id.startsWith('ach:'))).toHaveLength(6);
    // A cluster whose members are all drawn elsewhere but one is drawn as that one.
    const most = buildCanvas({ ...view, nodes: ['org:group', 'ach:0', 'ach:1', 'ach:2', 'ach:3', 'ach:4'] }, graph(), null);
    expect(most.clusters).toEqual([]);
    expect(most.nodes.get('ach:5')?.origin).toBe('org:group');
  });

  it('collapses an expansion: what it alone brought goes, what another expansion reaches stays', () => {
    const known = graph();
    const view = state({ nodes: ['org:group', 'org:partner'], expanded: ['org:group', 'org:partner', 'org:h1'] });
    expect(drawn(view)).toContain('org:lab');
    const collapsed = settle(collapseNodes(view, ['org:h1']), known, null);
    expect(drawn(collapsed)).toEqual(['org:clinic', 'org:group', 'org:h1', 'org:h2', 'org:h3', 'org:partner']);
    // Collapsing the group takes its hospitals, and with them the expansion of h1, which hung on it.
    const all = settle(collapseNodes(view, ['org:group']), known, null);
    expect(all.expanded).toEqual(['org:partner']);
    expect(drawn(all)).toEqual(['org:clinic', 'org:group', 'org:partner']);
  });

  it('hides a node without taking what its expansion brought, and settles away what no longer applies', () => {
    const view = state({ nodes: ['org:group'], expanded: ['org:group', 'org:h1'], selected: ['org:h1'] });
    const hidden = hideNodes(view, ['org:h1']);
    expect(hidden.selected).toEqual([]);
    expect(drawn(hidden)).toEqual(['org:clinic', 'org:group', 'org:h2', 'org:h3', 'org:lab']);
    // Once the group is collapsed, h1 is out of reach: its hiding and expansion leave the state.
    expect(settle(collapseNodes(hidden, ['org:group']), graph(), null)).toMatchObject({ expanded: [], hidden: [] });
  });

  it('draws a path with its edges marked, beside what is there', () => {
    const path: PathResult = {
      nodes: [entity('org:h2'), entity('org:group'), entity('org:partner')],
      edges: [
        { id: 'PART_OF|org:h2|org:group', type: 'PART_OF', source: 'org:h2', target: 'org:group', evidence: [] },
        { id: 'PARTNERS_WITH|org:group|org:partner', type: 'PARTNERS_WITH', source: 'org:group', target: 'org:partner', evidence: [] },
      ],
    };
    const model = buildCanvas(state({ from: 'org:h2', to: 'org:partner', nodes: ['org:lab'] }), graph(), path);
    expect([...model.nodes.keys()].sort()).toEqual(['org:group', 'org:h2', 'org:lab', 'org:partner']);
    expect([...model.nodes.values()].filter((n) => n.onPath)).toHaveLength(3);
    expect([...model.edges.values()].map((e) => [e.id, e.onPath])).toEqual([
      ['PART_OF|org:h2|org:group', true],
      ['PARTNERS_WITH|org:group|org:partner', true],
    ]);
  });

  it('starts over keeping the filters, sizes and language; swaps the path ends', () => {
    const view = state({ nodes: ['org:x'], hideTypes: ['POLICY'], years: [2022, 2023], sizeBy: 'links', lang: 'en', from: 'a', to: 'b' });
    expect(clearCanvas(view)).toEqual(state({ hideTypes: ['POLICY'], years: [2022, 2023], sizeBy: 'links', lang: 'en' }));
    expect(swapPathEnds(view)).toMatchObject({ from: 'b', to: 'a' });
  });
});

describe("the explorer's labels", () => {
  it('cut Chinese names sooner than English ones, with a shorter form for tight spots', () => {
    expect(labelTexts('寿阳县医疗集团')).toEqual({ label: '寿阳县医疗集团', short: '寿阳县医疗集团' });
    expect(labelTexts('中国通用技术（集团）控股有限责任公司')).toEqual({ label: '中国通用技术（集团）控股有…', short: '中国通用技术…' });
    expect(labelTexts("Shouyang County People's Hospital")).toEqual({ label: "Shouyang County People'…", short: 'Shouyang Co…' });
  });
});
