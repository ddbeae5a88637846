import type { DashboardChartsQuery } from '../../src/generated/client/graphql.js';
import { lang, localized, t, term } from '../shared/i18n.js';
import type { Bar, ChartSpec } from './charts.js';
import type { Choices } from './filters.js';
import { partLabel, reportName } from './labels.js';
import { m } from './messages.js';
import { chartParts, clearPart, isSet, PART_OF_CHART, pickBar, selectionOf, type ChartId } from './selection.js';
import { switchTab, type DashboardState, type TabName } from './state.js';

/** The entity types that have a tab of their own: their bars open it. */
const TYPE_TABS: Record<string, TabName> = { ACHIEVEMENT: 'achievements', ORGANIZATION: 'organizations', PROGRAM: 'programs', POLICY: 'policies' };

/** The year chart's parts: stated in the sentence, taken from the report, none at all. */
const YEAR_COLOURS = { stated: '#1f4e79', fromReport: '#8fb3de', none: '#8a8a8a' };

/** The Chinese beside an English label, for the tooltip. */
const original = (zh: string, en: string | null | undefined) => (lang() === 'en' && en && en !== zh ? zh : undefined);

/**
 * What each chart draws: the categories of the whole graph (so bars keep their places as filters
 * change) with the counts under the other charts' selections, the bars its own selection picked, a clear
 * button for that selection, and a line saying what else filters it and what cannot.
 */
export function chartSpecs(
  whole: DashboardChartsQuery,
  selected: DashboardChartsQuery,
  state: DashboardState,
  choices: Choices | undefined,
  { pick }: { pick: (next: DashboardState) => void },
): Record<ChartId, ChartSpec> {
  const selection = selectionOf(state);
  const label = (part: Parameters<typeof partLabel>[0]) => partLabel(part, selection, choices);
  const common = (chart: ChartId, title: string, bars: Bar[], horizontal = true): ChartSpec => {
    const own = PART_OF_CHART[chart];
    const { applied, notApplied } = chartParts(chart, selection);
    const note = [
      applied.length ? m('filteredBy', { list: applied.map(label).join(' · ') }) : '',
      notApplied.length ? m('notApplied', { list: notApplied.map(label).join(' · ') }) : '',
    ];
    return {
      title,
      bars,
      horizontal,
      picked: own === 'orgKinds' ? state.orgKinds : own && isSet(selection, own) ? [String(selection[own])] : [],
      chips: own && isSet(selection, own) ? [{ label: label(own), clear: () => pick(clearPart(state, own)) }] : [],
      note: note.filter(Boolean).join(' · '),
      onPick: (key) => {
        if (own) pick(pickBar(state, own, key));
      },
    };
  };
  const countOf = <T>(list: readonly T[], key: (item: T) => string, value: (item: T) => number) => {
    const map = new Map(list.map((item) => [key(item), value(item)]));
    return (k: string) => map.get(k) ?? 0;
  };

  const w = whole.stats;
  const s = selected.stats;
  const kinds = countOf(
    s.organizationsByKind,
    (c) => c.key,
    (c) => c.count,
  );
  const provinces = countOf(
    s.byPlace,
    (c) => c.place.id,
    (c) => c.organizations,
  );
  const reports = countOf(
    s.byReport,
    (c) => c.report.id,
    (c) => c.total,
  );
  const years = new Map(s.achievementsByYear.map((y) => [y.year, y]));
  const allYears = [...new Set([...w.achievementsByYear.map((y) => y.year), ...years.keys()])].sort((a, b) => a - b);

  const byType = common(
    'byType',
    t('byType'),
    s.byType.map((c) => ({ key: c.type, label: term(c.type), value: c.count, pickable: Object.hasOwn(TYPE_TABS, c.type) })),
  );
  byType.onPick = (key) => {
    if (Object.hasOwn(TYPE_TABS, key)) pick(switchTab(state, TYPE_TABS[key]!));
  };
  const noYear = s.achievementsWithoutYear;
  return {
    byType,
    byKind: common(
      'byKind',
      t('byKind'),
      w.organizationsByKind.map((c) => ({ key: c.key, label: term(c.key), value: kinds(c.key) })),
    ),
    byProvince: common(
      'byProvince',
      t('byProvince'),
      w.byPlace.map((c) => ({
        key: c.place.id,
        label: localized(c.place.name, c.place.nameEn),
        original: original(c.place.name, c.place.nameEn),
        value: provinces(c.place.id),
      })),
    ),
    byReport: common(
      'byReport',
      t('byReport'),
      w.byReport.map((c) => ({
        key: c.report.id,
        label: reportName(c.report),
        original: original(`${c.report.source} ${c.report.title}`, c.report.titleEn),
        value: reports(c.report.id),
      })),
    ),
    byYear: {
      ...common(
        'byYear',
        t('byYear'),
        [
          ...allYears.map((year) => {
            const found = years.get(year);
            const parts = [found?.stated ?? 0, (found?.count ?? 0) - (found?.stated ?? 0)];
            return { key: String(year), label: String(year), value: found?.count ?? 0, parts: noYear ? [...parts, 0] : parts };
          }),
          // The API has no filter for "no year": the bar shows them, it cannot pick them.
          ...(noYear ? [{ key: 'none', label: m('noYear'), value: noYear, parts: [0, 0, noYear], pickable: false }] : []),
        ],
        false,
      ),
      series: [
        { name: m('stated'), colour: YEAR_COLOURS.stated },
        { name: m('fromReport'), colour: YEAR_COLOURS.fromReport },
        ...(noYear ? [{ name: m('noYear'), colour: YEAR_COLOURS.none }] : []),
      ],
      hint: m('yearHint'),
    },
  };
}
