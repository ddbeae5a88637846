/** The request's loaders of lists reaching past direct links: achievements held, organizations in a place, ancestors, trees. */
import DataLoader from 'dataloader';
import type { Dialect } from '../graph/dialect.js';
import type { Row } from '../graph/statement.js';
import { text } from '../graph/values.js';
import { PLACE_LEVELS, labelOfId, type NodeLabel } from '../model/graph.js';
import { compareText } from '../text/collation.js';
import type { Batch } from './batch.js';
import { keyedRead, type KeyedRead } from './entities.js';
import type { Projection } from './projection.js';
import type { EntityRecord, TreeEntryRecord } from './records.js';
import { groupBy, toEntity, walkTree } from './rows.js';
import { isHolder, locatedIn, relatedStatements, type Holder } from './statements/related.js';

const byName = (a: EntityRecord, b: EntityRecord) => compareText(a.name, b.name) || compareText(a.id, b.id);
/** Nearest first: a place's ancestors from its county up to the country. */
const byLevel = (a: EntityRecord, b: EntityRecord) => PLACE_LEVELS.indexOf(b.level as never) - PLACE_LEVELS.indexOf(a.level as never);

/** Loaders for the related lists, each one statement per batch of keys (per holder label for achievements). */
export class Related {
  readonly achievementsOf: DataLoader<string, EntityRecord[]>;
  readonly organizationsInRead: KeyedRead<EntityRecord[]>;
  readonly ancestorsRead: KeyedRead<EntityRecord[]>;
  readonly treeRead: KeyedRead<TreeEntryRecord[]>;
  /** The ids of the places a node of any label but Place is located in. */
  readonly locatedIn: DataLoader<string, string[]>;
  private readonly statements: ReturnType<typeof relatedStatements>;
  private readonly achievementsOfRows: (ids: readonly string[], rows: Row[]) => EntityRecord[][];

  constructor(batch: Batch, projection: Projection, dialect: Dialect) {
    const statements = (this.statements = projection.spelled('related', () => relatedStatements(projection)));
    const entities = (label: NodeLabel, order: (a: EntityRecord, b: EntityRecord) => number) => (ids: readonly string[], rows: Row[]) =>
      groupBy(ids, rows, 'key', (row) => toEntity(projection, row, label)).map((list) => list.sort(order));
    const achievementsOf = (this.achievementsOfRows = entities('Achievement', byName));
    this.achievementsOf = new DataLoader(async (ids) => {
      const groups = new Map<Holder, string[]>();
      for (const id of ids) {
        const label = labelOfId(id);
        if (label && isHolder(label)) groups.set(label, [...(groups.get(label) ?? []), id]);
      }
      const rows = (await Promise.all([...groups].map(([label, some]) => batch.readKeys(statements.achievementsOf[label], some)))).flat();
      return achievementsOf(ids, rows);
    }, batch.loaderOptions);
    this.organizationsInRead = keyedRead(batch, statements.organizationsIn, entities('Organization', byName));
    this.ancestorsRead = keyedRead(batch, statements.ancestors, entities('Place', byLevel));
    this.treeRead = keyedRead(batch, statements.tree, (ids, rows) =>
      groupBy(ids, rows, 'key', (row) => ({ id: text(row.id), parent: text(row.parent) })).map((edges, i) => walkTree(ids[i]!, edges)),
    );
    this.locatedIn = keyedRead(batch, locatedIn(dialect), (ids, rows) => groupBy(ids, rows, 'key', (row) => text(row.id))).loader;
  }

  get organizationsIn(): DataLoader<string, EntityRecord[]> {
    return this.organizationsInRead.loader;
  }

  get ancestors(): DataLoader<string, EntityRecord[]> {
    return this.ancestorsRead.loader;
  }

  get tree(): DataLoader<string, TreeEntryRecord[]> {
    return this.treeRead.loader;
  }

  /** The achievements of nodes of a label (none for a label that holds none): the loader, the label's statement and its rows' values. */
  achievementsRead(label: NodeLabel): KeyedRead<EntityRecord[]> | undefined {
    return isHolder(label)
      ? { loader: this.achievementsOf, statement: this.statements.achievementsOf[label], values: this.achievementsOfRows }
      : undefined;
  }
}
