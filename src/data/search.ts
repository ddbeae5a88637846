import type { Batch } from './batch.js';
import type { Entities } from './entities.js';
import type { EntityRecord } from './records.js';
import { SearchIndex, type MatchField } from './search-index.js';
import type { GraphShared } from './shared.js';
import type { Dialect } from '../graph/dialect.js';
import type { NodeLabel } from '../model/graph.js';
import { searchStatements } from './statements/search.js';

/** A search hit: the entity, how well it matched, and what matched. */
export interface SearchHit {
  entity: EntityRecord;
  score: number;
  field: MatchField;
  text: string;
}

/** The search index's key among the answers a graph version shares (see `GraphShared`). */
export const SEARCH_INDEX = 'search:index';

/** Ranked search over names, aliases, statements and evidence quotes, through the index of the graph's version. */
export class Search {
  private readonly statements: ReturnType<typeof searchStatements>;

  constructor(
    private readonly batch: Batch,
    dialect: Dialect,
    private readonly shared: GraphShared,
    private readonly entities: Entities,
  ) {
    this.statements = searchStatements(dialect);
  }

  /** The index of the current graph version, built on first use. */
  index(): Promise<SearchIndex> {
    return this.shared.memo(SEARCH_INDEX, async () => {
      const { texts, mentions, articles } = this.statements;
      const [textRows, mentionRows, articleRows] = await Promise.all([this.batch.read(texts), this.batch.read(mentions), this.batch.read(articles)]);
      return new SearchIndex({ texts: textRows, mentions: mentionRows, articles: articleRows });
    });
  }

  async search(text: string, labels: readonly NodeLabel[], first: number, report?: string): Promise<SearchHit[]> {
    const hits = (await this.index()).search(text, labels, report, first);
    const entities = await this.entities.byId.loadMany(hits.map((h) => h.id));
    return hits.flatMap(({ id: _id, ...hit }, i) => {
      const entity = entities[i];
      return entity && !(entity instanceof Error) ? [{ ...hit, entity }] : [];
    });
  }
}
