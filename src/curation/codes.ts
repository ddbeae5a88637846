/**
 * Administrative division codes (GB/T 2260, six digits) for the curated places, from the statistics
 * bureau's divisions as the `china-area-data` package ships them. A place gets the code of the division
 * its name (or an alias) names under its parent's code; provinces are looked up among the provinces.
 * Regions, towns and masked places have none.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** Parent code → child code → name; `86` holds the provinces. */
const DIVISIONS = require('china-area-data/data.json') as Record<string, Record<string, string>>;
const COUNTRY = '86';
/** The placeholders under a municipality or city that group its districts (市辖区, 县). */
const GROUPING = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const CODED_LEVELS = new Set(['PROVINCE', 'CITY', 'COUNTY']);

/** The divisions directly under a code, placeholders looked through. */
function childrenOf(code: string): Array<[code: string, name: string]> {
  return Object.entries(DIVISIONS[code] ?? {}).flatMap(([child, name]) =>
    GROUPING.has(name) ? childrenOf(child) : [[child, name] as [string, string]],
  );
}

/** Whether a curated name names a division under a parent named `parentName` (济南市章丘区 names 章丘区 under 济南市). */
const names = (name: string, division: string, parentName: string | undefined) =>
  name === division || (!!parentName && name === parentName + division);

/** Whether a code is one of the bureau's divisions. */
export function isDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && Object.values(DIVISIONS).some((children) => code in children);
}

/**
 * What `divisionCodes` reads of a curated graph: its places and their PART_OF relations (given by
 * shape, since the reader, which builds the graph, imports this module).
 */
interface Places {
  nodes: ReadonlyMap<string, { label: string; props: Record<string, string | number | boolean | string[]> }>;
  relations: ReadonlyArray<{ type: string; from: string; to: string }>;
}

/** The division code of every curated place that has one, derived top-down along PART_OF (a curated `code` wins). */
export function divisionCodes(graph: Places): Map<string, string> {
  const parentOf = new Map(graph.relations.filter((r) => r.type === 'PART_OF' && r.from.startsWith('place:')).map((r) => [r.from, r.to]));
  const codes = new Map<string, string>();
  const resolve = (id: string, seen = new Set<string>()): string | undefined => {
    if (codes.has(id)) return codes.get(id);
    const node = graph.nodes.get(id);
    if (!node || node.label !== 'Place' || seen.has(id)) return undefined;
    seen.add(id);
    const curated = node.props.code as string | undefined;
    if (curated || node.props.masked || !CODED_LEVELS.has(String(node.props.level))) return curated;
    const parent = parentOf.get(id);
    const parentCode = node.props.level === 'PROVINCE' ? COUNTRY : parent && resolve(parent, seen);
    if (!parentCode) return undefined;
    const parentName = parent ? (graph.nodes.get(parent)?.props.name as string) : undefined;
    const candidates = [node.props.name as string, ...((node.props.aliases as string[] | undefined) ?? [])];
    const found = childrenOf(parentCode).filter(([, division]) => candidates.some((c) => names(c, division, parentName)));
    const code = found.length === 1 ? found[0]![0] : undefined;
    if (code) codes.set(id, code);
    return code;
  };
  for (const id of graph.nodes.keys()) resolve(id);
  return codes;
}
