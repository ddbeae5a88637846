import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { CurationReader, curationFiles, type CuratedGraph } from '../../src/curation/reader.js';

/** The curated graph read straight from `curation/*.json`: expectations independent of the database. */
export function curatedGraph(): CuratedGraph {
  const reader = new CurationReader(new Map());
  for (const file of curationFiles(join(PROJECT_ROOT, 'curation'))) reader.readFile(file);
  const graph = reader.finish();
  if (reader.problems.length) throw new Error(reader.problems.join('\n'));
  return graph;
}

/** Ids of the nodes of a label matching a predicate on their properties. */
export function idsWhere(graph: CuratedGraph, label: string, test: (props: Record<string, unknown>) => boolean = () => true): string[] {
  return [...graph.nodes.values()]
    .filter((n) => n.label === label && test(n.props))
    .map((n) => n.id)
    .sort();
}

/** The distinct ends reached from `id` by relations of a type in a direction. */
export function neighbors(graph: CuratedGraph, id: string, type: string, direction: 'OUT' | 'IN'): string[] {
  const ends = graph.relations.filter((r) => r.type === type && (direction === 'OUT' ? r.from === id : r.to === id));
  return [...new Set(ends.map((r) => (direction === 'OUT' ? r.to : r.from)))].sort();
}
