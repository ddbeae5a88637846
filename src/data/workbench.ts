import type { CountingStore } from './counting.js';

/** The analyst workbench's counts that the general stats lack. */
export const WORKBENCH_QUERIES = {
  achievementsByYear:
    "MATCH (n:Achievement) WHERE n.year IS NOT NULL RETURN n.year AS year, count(n) AS count, sum(CASE WHEN n.periodBasis = 'STATED' THEN 1 ELSE 0 END) AS stated ORDER BY year",
  achievementsWithoutYear: 'MATCH (n:Achievement) WHERE n.year IS NULL RETURN count(n) AS count',
};

/** A year and how many achievements refer to it (their period ends in it), and how many of them state it. */
export interface YearCountRecord {
  year: number;
  count: number;
  stated: number;
}

/** Counts for the dashboard's charts. */
export class Workbench {
  constructor(private readonly db: CountingStore) {}

  async achievementsByYear(): Promise<YearCountRecord[]> {
    return (await this.db.read(WORKBENCH_QUERIES.achievementsByYear)).map((r) => ({
      year: Number(r.year),
      count: Number(r.count),
      stated: Number(r.stated),
    }));
  }

  async achievementsWithoutYear(): Promise<number> {
    return Number((await this.db.read(WORKBENCH_QUERIES.achievementsWithoutYear))[0]?.count ?? 0);
  }
}
