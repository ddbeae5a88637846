import type { CountingStore } from './counting.js';

/** The analyst workbench's counts that the general stats lack. */
export const WORKBENCH_QUERIES = {
  achievementsByYear: 'MATCH (n:Achievement) WHERE n.year IS NOT NULL RETURN n.year AS year, count(n) AS count ORDER BY year',
};

/** A year and how many achievements refer to it. */
export interface YearCountRecord {
  year: number;
  count: number;
}

/** Counts for the dashboard's charts. */
export class Workbench {
  constructor(private readonly db: CountingStore) {}

  async achievementsByYear(): Promise<YearCountRecord[]> {
    return (await this.db.read(WORKBENCH_QUERIES.achievementsByYear)).map((r) => ({ year: Number(r.year), count: Number(r.count) }));
  }
}
