/**
 * The operations the product sends, for the bench's mix: every operation in tests/operations/, the
 * pages' documents (web/**), and the playground's example tabs, each with its fragments, weighted as the
 * pages send them, and with realistic variables drawn from the graph (many ids, search terms as people
 * type them, filters the dashboard offers): never the one id a cache would keep warm.
 */
import { relative } from 'node:path';
import { Kind, visit, type FragmentDefinitionNode, type OperationDefinitionNode, type TypeNode, type VariableDefinitionNode } from 'graphql';
import { PROJECT_ROOT } from '../../src/config.js';
import type { GraphStore } from '../../src/graph/store.js';
import { text } from '../../src/graph/values.js';
import { DEFAULT_AVOID_TYPES, DEFAULT_MAX_LENGTH } from '../../web/explorer/state.js';
import { graphqlFiles, operationsOf } from '../support/documents.js';

export interface Shipped {
  /** `file: Operation`. */
  name: string;
  document: string;
  /** How many of every hundred requests of the pages are this one. */
  weight: number;
  /** A new set of variables each call. */
  variables: () => Record<string, unknown>;
}

/** How often the pages send each of their operations, against one for every other: typing searches, clicking opens a node. */
const WEIGHTS: Record<string, number> = {
  ExplorerSearch: 6,
  ExplorerDetails: 4,
  ExplorerLinks: 4,
  ExplorerAchievements: 2,
  DashboardAchievements: 4,
  DashboardCharts: 4,
  DashboardOrganizations: 2,
  DashboardPrograms: 2,
  DashboardPolicies: 1,
  DashboardOverview: 1,
};

/** Which label an `$id` names, from the field it is passed to. */
const LABEL_OF_FIELD: Record<string, string> = {
  organization: 'Organization',
  organizationTree: 'Organization',
  program: 'Program',
  place: 'Place',
  person: 'Person',
  policy: 'Policy',
  event: 'Event',
  report: 'Report',
  achievement: 'Achievement',
};

/** What the variables are drawn from: ids per label, hospitals, groups, units, search terms, years. */
export interface Samples {
  ids: Record<string, string[]>;
  groups: string[];
  provinces: string[];
  units: string[];
  terms: string[];
  years: number[];
}

export async function samplesOf(store: GraphStore): Promise<Samples> {
  const rows = await store.read(
    `MATCH ${store.dialect.graphNode('n')} RETURN n.id AS id, ${store.dialect.nodeLabel('n')} AS label, n.name AS name, n.nameEn AS nameEn, n.kind AS kind, n.level AS level`,
  );
  const ids: Record<string, string[]> = {};
  for (const r of rows) (ids[text(r.label)] ??= []).push(text(r.id));
  const named = rows.filter((r) => r.label === 'Organization' || r.label === 'Place' || r.label === 'Program');
  const terms = named.flatMap((r, i) => {
    const name = text(r.name);
    // As people type: the first characters, the whole name, sometimes its English words.
    const english = r.nameEn ? text(r.nameEn).split(' ').slice(0, 2).join(' ') : undefined;
    return [name.slice(0, 2 + (i % 3)), ...(i % 4 === 0 ? [name] : []), ...(english && i % 5 === 0 ? [english] : [])];
  });
  const units = (await store.read('MATCH (n:Achievement) WHERE n.value IS NOT NULL AND n.unit IS NOT NULL RETURN DISTINCT n.unit AS unit')).map((r) =>
    text(r.unit),
  );
  const years = (await store.read('MATCH (n:Achievement) WHERE n.year IS NOT NULL RETURN DISTINCT n.year AS year')).map((r) => Number(r.year));
  return {
    ids,
    groups: rows.filter((r) => r.kind === 'MEDICAL_GROUP' || r.kind === 'ENTERPRISE_GROUP').map((r) => text(r.id)),
    provinces: rows.filter((r) => r.level === 'PROVINCE').map((r) => text(r.id)),
    units,
    terms: [...new Set(terms)].filter((t) => t.length >= 2),
    years,
  };
}

/** A deterministic sequence, so every run draws the same variables. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const required = (type: TypeNode) => type.kind === Kind.NON_NULL_TYPE;

/** The fields each variable of an operation is passed to. */
function usesOf(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Map<string, string> {
  const uses = new Map<string, string>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      Field: (field) => {
        for (const argument of field.arguments ?? []) {
          if (argument.value.kind === Kind.VARIABLE) uses.set(argument.value.name.value, `${field.name.value}.${argument.name.value}`);
        }
      },
      FragmentSpread: (spread) => void (fragments.get(spread.name.value) && walk(fragments.get(spread.name.value)!)),
    });
  walk(operation);
  return uses;
}

/** A value for one variable, by its name, type and use; undefined leaves it to its default. */
function valueFor(
  definition: VariableDefinitionNode,
  use: string | undefined,
  s: Samples,
  pick: <T>(list: readonly T[]) => T,
  random: () => number,
): unknown {
  const name = definition.variable.name.value;
  const type = namedType(definition.type);
  const any = () => pick([...s.ids.Organization!, ...s.ids.Place!, ...s.ids.Program!]);
  if (type === 'ID') {
    if (name === 'holder' || name === 'from') return pick(s.ids.Organization!);
    if (name === 'to') return pick([...s.ids.Organization!, ...s.provinces]);
    if (name === 'place') return pick(s.ids.Place!);
    const label = use && LABEL_OF_FIELD[use.split('.')[0]!];
    if (label === 'Organization' && /group|Group/.test(definition.variable.name.value + use)) return pick(s.groups);
    return label ? pick(s.ids[label]!) : any();
  }
  if (type === 'String') {
    if (name === 'query') return pick(s.terms);
    if (name === 'unit') return pick(s.units);
    return undefined;
  }
  if (type === 'Int') {
    if (name === 'year') return random() < 0.5 ? undefined : pick(s.years);
    if (name === 'first') return required(definition.type) ? 25 : undefined;
    // The explorer's path view passes its length and exclusions always, the defaults unless changed.
    if (name === 'maxLength') return required(definition.type) ? DEFAULT_MAX_LENGTH : undefined;
    return undefined;
  }
  if (type === 'EntityType') return name === 'avoidTypes' ? DEFAULT_AVOID_TYPES : undefined;
  if (type === 'Boolean') return random() < 0.5;
  if (type === 'AchievementFilter')
    return pick([
      {},
      { kinds: ['METRIC'] },
      { unit: pick(s.units), kinds: ['METRIC'], valueMin: 100 },
      { yearFrom: pick(s.years) },
      { holder: pick(s.groups), includeDescendants: true },
      { place: pick(s.provinces) },
    ]);
  if (type === 'OrganizationFilter')
    return pick([{}, { kinds: ['HOSPITAL'] }, { kinds: ['HOSPITAL', 'PRIMARY_CARE'] }, { place: pick(s.provinces) }, { name: pick(s.terms) }]);
  if (type === 'StatsFilter')
    // The dashboard's charts: mostly the whole graph, else another chart's pick.
    return pick([null, null, { organizationKinds: ['HOSPITAL'] }, { place: pick(s.provinces) }, { year: pick(s.years) }]);
  if (type.endsWith('Filter')) return pick([{}, { name: pick(s.terms) }]);
  return undefined;
}

/** Every operation the product sends, with its fragments, weight and a maker of variables. */
export function shippedOperations(samples: Samples): Shipped[] {
  const random = sequence(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const files = ['tests/operations', 'src/web/examples', 'web'].flatMap(graphqlFiles);
  return operationsOf(files).map(({ file, name, operation, fragments, query }) => {
    const uses = usesOf(operation, fragments);
    return {
      name: `${relative(PROJECT_ROOT, file)}: ${name}`,
      document: query,
      weight: WEIGHTS[name] ?? 1,
      variables: () =>
        Object.fromEntries(
          (operation.variableDefinitions ?? []).flatMap((d) => {
            const value = valueFor(d, uses.get(d.variable.name.value), samples, pick, random);
            return value === undefined ? [] : [[d.variable.name.value, value]];
          }),
        ),
    };
  });
}
