import { text } from '../graph/values.js';
import { NODE_LABELS, type NodeLabel } from '../model/graph.js';
import type { Batch } from './batch.js';
import { LABEL_FILTERS, presentFilters, type FilterKey, type ListFilter } from './filters.js';
import type { CountRecord, PlaceTally } from './stats.js';
import { WORKBENCH_STATEMENTS } from './statements/workbench.js';

/**
 * A selection across entity types, as the dashboard's charts filter each other: organization kinds
 * (an organization's own, an achievement's holder's), a place, a report, a year (an achievement's).
 */
export interface Selection {
  organizationKinds?: string[];
  place?: string;
  placeCode?: string;
  report?: string;
  year?: number;
}

/** The list filter a selection makes for a label, or undefined when a part of it does not apply to that label. */
export function selectionFilter(label: NodeLabel, selection: Selection): ListFilter | undefined {
  const { organizationKinds, ...rest } = selection;
  const filter: ListFilter = {
    ...rest,
    ...(organizationKinds && (label === 'Organization' ? { kinds: organizationKinds } : { holderKinds: organizationKinds })),
  };
  const keys = (Object.keys(filter) as FilterKey[]).filter((k) => filter[k] !== undefined);
  return keys.every((k) => LABEL_FILTERS[label].includes(k)) ? filter : undefined;
}

/** A year and how many achievements refer to it (their period ends in it), and how many of them state it. */
export interface YearCountRecord {
  year: number;
  count: number;
  stated: number;
}

/** Counts for the dashboard's charts, over the whole graph or narrowed by a filter, each read once per graph version. */
export class Workbench {
  constructor(private readonly batch: Batch) {}

  async achievementsByYear(filter: ListFilter = {}): Promise<YearCountRecord[]> {
    return (await this.years(filter)).filter((r) => r.year !== null) as YearCountRecord[];
  }

  async achievementsWithoutYear(filter: ListFilter = {}): Promise<number> {
    return (await this.years(filter)).find((r) => r.year === null)?.count ?? 0;
  }

  /** The years of the achievements matching a filter, and those with none: one read for both fields. */
  private async years(filter: ListFilter): Promise<Array<{ year: number | null; count: number; stated: number }>> {
    const { keys, params } = presentFilters('Achievement', filter);
    return (await this.batch.readOnce(WORKBENCH_STATEMENTS.achievementYears(keys), params, { alone: true })).map((r) => ({
      year: r.year === null || r.year === undefined ? null : Number(r.year),
      count: Number(r.count),
      stated: Number(r.stated),
    }));
  }

  /** Organizations matching a filter, by kind, most first. */
  async organizationKinds(filter: ListFilter): Promise<CountRecord[]> {
    const { keys, params } = presentFilters('Organization', filter);
    return (await this.batch.readOnce(WORKBENCH_STATEMENTS.organizationKinds(keys), params, { alone: true })).map((r) => ({
      key: text(r.key),
      count: Number(r.count),
    }));
  }

  /** Organizations matching a filter per place of one level (with their achievements), unordered. */
  async organizationsByPlace(filter: ListFilter, level: string): Promise<PlaceTally[]> {
    const { keys, params } = presentFilters('Organization', filter);
    return (await this.batch.readOnce(WORKBENCH_STATEMENTS.organizationsByPlace(keys), { ...params, level }, { alone: true })).map((r) => ({
      placeId: text(r.place),
      name: text(r.name),
      organizations: Number(r.organizations),
      achievements: Number(r.achievements),
    }));
  }

  /** How many entities of each label the selection applies to match it (labels it does not apply to are left out). */
  async countsByLabel(selection: Selection): Promise<CountRecord[]> {
    const counted = await Promise.all(
      this.applicable(selection).map(async ({ label, keys, params }) => ({
        key: label,
        count: Number((await this.batch.readOnce(WORKBENCH_STATEMENTS.count(label, keys), params, { alone: true }))[0]?.total ?? 0),
      })),
    );
    return counted.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  }

  /** Entities matching the selection mentioned per report, by label (as `Stats.byReport` counts them all). */
  async mentionsByReport(selection: Selection): Promise<Map<string, CountRecord[]>> {
    const byReport = new Map<string, CountRecord[]>();
    const perLabel = await Promise.all(
      this.applicable(selection).map(async ({ label, keys, params }) => ({
        label,
        rows: await this.batch.readOnce(WORKBENCH_STATEMENTS.mentionsByReport(label, keys), params, { alone: true }),
      })),
    );
    for (const { label, rows } of perLabel)
      for (const row of rows) {
        const list = byReport.get(text(row.report)) ?? [];
        list.push({ key: label, count: Number(row.count) });
        byReport.set(text(row.report), list);
      }
    return new Map([...byReport].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  private applicable(selection: Selection) {
    return NODE_LABELS.flatMap((label) => {
      const filter = selectionFilter(label, selection);
      return filter ? [{ label, ...presentFilters(label, filter) }] : [];
    });
  }
}
