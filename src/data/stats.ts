import type { Dialect } from '../graph/dialect.js';
import type { Row } from '../graph/statement.js';
import { text } from '../graph/values.js';
import { compareText } from '../text/collation.js';
import type { Batch } from './batch.js';
import type { Entities } from './entities.js';
import type { EntityRecord } from './records.js';
import type { GraphShared } from './shared.js';
import { statsStatements, type CountStatement } from './statements/stats.js';

/** A value and how many entities have it. */
export interface CountRecord {
  key: string;
  count: number;
}

const keyCounts = (rows: Row[]): CountRecord[] => rows.map((r) => ({ key: text(r.key), count: Number(r.count) }));

/** A place with the organizations and achievements in or below it. */
export interface PlaceCountRecord {
  place: EntityRecord;
  organizations: number;
  achievements: number;
}

/** A place's counts before the place itself is read. */
export interface PlaceTally {
  placeId: string;
  name: string;
  organizations: number;
  achievements: number;
}

/** Most organizations first, then most achievements, then by name and id. */
const ranked = (counts: readonly PlaceTally[]) =>
  [...counts].sort(
    (a, b) => b.organizations - a.organizations || b.achievements - a.achievements || compareText(a.name, b.name) || (a.placeId < b.placeId ? -1 : 1),
  );

/**
 * Counts by label, kind, place and report. Each is a whole-graph aggregation, computed once per graph
 * version and shared by every request until the graph is reseeded.
 */
export class Stats {
  private readonly statements: ReturnType<typeof statsStatements>;

  constructor(
    private readonly batch: Batch,
    dialect: Dialect,
    private readonly shared: GraphShared,
    private readonly entities: Entities,
  ) {
    this.statements = statsStatements(dialect);
  }

  /** One of the plain `key, count` queries. */
  counts(query: CountStatement): Promise<CountRecord[]> {
    return this.shared.memo(`stats:${query}`, async () => keyCounts(await this.batch.read(this.statements[query])));
  }

  /**
   * Places of one level with the organizations and achievements in or below them, most organizations
   * first. Counted and ordered once per graph version; each request reads the places themselves.
   */
  async byPlace(level: string): Promise<PlaceCountRecord[]> {
    const counts = await this.shared.memo(`stats:byPlace:${level}`, async () => {
      const [orgs, held, own] = await Promise.all([
        this.batch.read(this.statements.organizationsByPlace, { level }),
        this.batch.read(this.statements.achievementsByPlace, { level }),
        this.batch.read(this.statements.placeAchievementsByPlace, { level }),
      ]);
      const achievements = new Map<string, Set<string>>();
      for (const row of [...held, ...own]) {
        const set = achievements.get(text(row.place)) ?? new Set<string>();
        for (const id of row.ids as string[]) set.add(id);
        achievements.set(text(row.place), set);
      }
      return ranked(
        orgs.map((row) => ({
          placeId: text(row.place),
          name: text(row.name),
          organizations: Number(row.count),
          achievements: achievements.get(text(row.place))?.size ?? 0,
        })),
      );
    });
    return this.withPlaces(counts);
  }

  /** Counts per place (of organizations matching a filter, say) with their places, most organizations first. */
  placeCounts(counts: readonly PlaceTally[]): Promise<PlaceCountRecord[]> {
    return this.withPlaces(ranked(counts));
  }

  private async withPlaces(counts: readonly PlaceTally[]): Promise<PlaceCountRecord[]> {
    const places = await this.entities.byId.loadMany(counts.map((c) => c.placeId));
    return counts.map(({ organizations, achievements }, i) => ({ place: places[i] as EntityRecord, organizations, achievements }));
  }

  /** Entities mentioned per report, by label: each article counts its own mentions, a compilation its articles' too. */
  byReport(): Promise<Map<string, CountRecord[]>> {
    return this.shared.memo('stats:byReport', async () => {
      const byReport = new Map<string, CountRecord[]>();
      for (const row of await this.batch.read(this.statements.byReport)) {
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
