import type { Batch } from './batch.js';
import { WORKBENCH_STATEMENTS } from './statements/workbench.js';

/** A year and how many achievements refer to it (their period ends in it), and how many of them state it. */
export interface YearCountRecord {
  year: number;
  count: number;
  stated: number;
}

/** Counts for the dashboard's charts. */
export class Workbench {
  constructor(private readonly batch: Batch) {}

  async achievementsByYear(): Promise<YearCountRecord[]> {
    return (await this.batch.read(WORKBENCH_STATEMENTS.achievementsByYear)).map((r) => ({
      year: Number(r.year),
      count: Number(r.count),
      stated: Number(r.stated),
    }));
  }

  async achievementsWithoutYear(): Promise<number> {
    return Number((await this.batch.read(WORKBENCH_STATEMENTS.achievementsWithoutYear))[0]?.count ?? 0);
  }
}
