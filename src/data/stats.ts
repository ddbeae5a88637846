import type { Dialect } from '../graph/dialect.js';
import type { Row } from '../graph/store.js';
import type { CountingStore } from './counting.js';
import { PLACE_PATH } from './patterns.js';
import type { Entities } from './entities.js';
import type { EntityRecord } from './records.js';
import type { GraphShared } from './shared.js';
import { text } from '../graph/values.js';
import { compareText } from '../text/collation.js';

/** A value and how many entities have it. */
export interface CountRecord {
  key: string;
  count: number;
}

const IN_PLACE = `-[:LOCATED_IN]->(:Place)-[:PART_OF${PLACE_PATH.selfAndUp}]->(p)`;

/** The analyst counts, spelled for a dialect. */
export function statsQueries(dialect: Dialect) {
  const label = dialect.nodeLabel('n');
  const mentioned = 'MATCH (n)-[:MENTIONED_IN]->(:Report)-[:PART_OF*0..1]->(r:Report)';
  return {
    byLabel: `MATCH ${dialect.graphNode('n')} RETURN ${label} AS key, count(n) AS count ORDER BY count DESC, key`,
    organizationKinds: 'MATCH (n:Organization) RETURN n.kind AS key, count(n) AS count ORDER BY count DESC, key',
    programKinds: 'MATCH (n:Program) RETURN n.kind AS key, count(n) AS count ORDER BY count DESC, key',
    achievementKinds: 'MATCH (n:Achievement) RETURN n.kind AS key, count(n) AS count ORDER BY count DESC, key',
    placeLevels: 'MATCH (n:Place) RETURN n.level AS key, count(n) AS count ORDER BY count DESC, key',
    relationshipTypes: `MATCH ()-[r]->() RETURN ${dialect.relationshipType('r')} AS key, count(r) AS count ORDER BY count DESC, key`,
    metricUnits:
      'MATCH (n:Achievement) WHERE n.value IS NOT NULL AND n.unit IS NOT NULL RETURN n.unit AS key, count(n) AS count ORDER BY count DESC, key',
    organizationsByPlace: `MATCH (p:Place) WHERE p.level = $level MATCH (o:Organization)${IN_PLACE} RETURN p.id AS place, p.name AS name, count(DISTINCT o) AS count`,
    achievementsByPlace: `MATCH (p:Place) WHERE p.level = $level MATCH (a:Achievement)<-[:HAS_ACHIEVEMENT]-(h)${IN_PLACE} RETURN p.id AS place, collect(DISTINCT a.id) AS ids`,
    placeAchievementsByPlace: `MATCH (p:Place) WHERE p.level = $level MATCH (a:Achievement)<-[:HAS_ACHIEVEMENT]-(:Place)-[:PART_OF${PLACE_PATH.selfAndUp}]->(p) RETURN p.id AS place, collect(DISTINCT a.id) AS ids`,
    byReport: `${mentioned} RETURN r.id AS report, ${label} AS key, count(DISTINCT n) AS count ORDER BY report, key`,
  };
}

/** The queries answering `key, count` rows with no parameters. */
export type CountQuery = 'byLabel' | 'organizationKinds' | 'programKinds' | 'achievementKinds' | 'placeLevels' | 'relationshipTypes' | 'metricUnits';

const keyCounts = (rows: Row[]): CountRecord[] => rows.map((r) => ({ key: text(r.key), count: Number(r.count) }));

/** A place with the organizations and achievements in or below it. */
export interface PlaceCountRecord {
  place: EntityRecord;
  organizations: number;
  achievements: number;
}

/**
 * Counts by label, kind, place and report. Each is a whole-graph aggregation, computed once per graph
 * version and shared by every request until the graph is reseeded.
 */
export class Stats {
  private readonly queries: ReturnType<typeof statsQueries>;

  constructor(
    private readonly db: CountingStore,
    dialect: Dialect,
    private readonly shared: GraphShared,
    private readonly entities: Entities,
  ) {
    this.queries = statsQueries(dialect);
  }

  /** One of the plain `key, count` queries. */
  counts(query: CountQuery): Promise<CountRecord[]> {
    return this.shared.memo(`stats:${query}`, async () => keyCounts(await this.db.read(this.queries[query])));
  }

  /**
   * Places of one level with the organizations and achievements in or below them, most organizations
   * first. Counted and ordered once per graph version; each request reads the places themselves.
   */
  async byPlace(level: string): Promise<PlaceCountRecord[]> {
    const counts = await this.shared.memo(`stats:byPlace:${level}`, async () => {
      const [orgs, held, own] = await Promise.all([
        this.db.read(this.queries.organizationsByPlace, { level }),
        this.db.read(this.queries.achievementsByPlace, { level }),
        this.db.read(this.queries.placeAchievementsByPlace, { level }),
      ]);
      const achievements = new Map<string, Set<string>>();
      for (const row of [...held, ...own]) {
        const set = achievements.get(text(row.place)) ?? new Set<string>();
        for (const id of row.ids as string[]) set.add(id);
        achievements.set(text(row.place), set);
      }
      return orgs
        .map((row) => ({
          placeId: text(row.place),
          name: text(row.name),
          organizations: Number(row.count),
          achievements: achievements.get(text(row.place))?.size ?? 0,
        }))
        .sort(
          (a, b) =>
            b.organizations - a.organizations || b.achievements - a.achievements || compareText(a.name, b.name) || (a.placeId < b.placeId ? -1 : 1),
        );
    });
    const places = await this.entities.byId.loadMany(counts.map((c) => c.placeId));
    return counts.map(({ organizations, achievements }, i) => ({ place: places[i] as EntityRecord, organizations, achievements }));
  }

  /** Entities mentioned per report, by label: each article counts its own mentions, a compilation its articles' too. */
  byReport(): Promise<Map<string, CountRecord[]>> {
    return this.shared.memo('stats:byReport', async () => {
      const byReport = new Map<string, CountRecord[]>();
      for (const row of await this.db.read(this.queries.byReport)) {
        const list = byReport.get(text(row.report)) ?? [];
        list.push({ key: text(row.key), count: Number(row.count) });
        byReport.set(text(row.report), list);
      }
      return byReport;
    });
  }

  /** The mention counts of one report (or article). */
  async mentionCounts(reportId: string): Promise<CountRecord[]> {
    return (await this.byReport()).get(reportId) ?? [];
  }
}
