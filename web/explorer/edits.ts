/** The user's edits of the view, as pure functions of the state: each is one step of Back, Forward and undo. */
import { emptyState, MAX_PATH_LENGTH, type ExplorerState } from './state.js';

const add = (list: readonly string[], ...ids: string[]) => [...new Set([...list, ...ids])];
const without = (list: readonly string[], ids: readonly string[]) => list.filter((id) => !ids.includes(id));

/**
 * Opens an entity (a search pick, a link): put on the canvas beside what is there (unless it already
 * is, or shown again if hidden), expanded and selected.
 */
export function openEntity(state: ExplorerState, id: string, reached: ReadonlySet<string>): ExplorerState {
  return {
    ...state,
    nodes: reached.has(id) ? state.nodes : add(state.nodes, id),
    expanded: add(state.expanded, id),
    hidden: without(state.hidden, [id]),
    selected: [id],
  };
}

/** Draws a node's neighbourhood and selects it. */
export const expandNode = (state: ExplorerState, id: string): ExplorerState => ({ ...state, expanded: add(state.expanded, id), selected: [id] });

/** Takes back expansions: what they alone brought goes (settle drops what hung on them). */
export const collapseNodes = (state: ExplorerState, ids: readonly string[]): ExplorerState => ({
  ...state,
  expanded: without(state.expanded, ids),
  opened: state.opened.filter((o) => !ids.includes(o.center)),
});

export const hideNodes = (state: ExplorerState, ids: readonly string[]): ExplorerState => ({
  ...state,
  hidden: add(state.hidden, ...ids),
  selected: without(state.selected, ids),
});

export const showHidden = (state: ExplorerState): ExplorerState => ({ ...state, hidden: [] });

/** Opens a cluster (key: an entity type) or loads the rest of a relationship type (key: the type) around a node. */
export const openGroup = (state: ExplorerState, center: string, key: string): ExplorerState =>
  state.opened.some((o) => o.center === center && o.key === key) ? state : { ...state, opened: [...state.opened, { center, key }] };

export const selectOnly = (state: ExplorerState, ids: readonly string[]): ExplorerState => ({ ...state, selected: [...new Set(ids)] });

/** Adds an element to the selection, or takes it out when it is in. */
export const toggleSelected = (state: ExplorerState, id: string): ExplorerState => ({
  ...state,
  selected: state.selected.includes(id) ? without(state.selected, [id]) : [...state.selected, id],
});

/** Starts over: an empty canvas, keeping the filters, node sizes and language. */
export const clearCanvas = (state: ExplorerState): ExplorerState => ({
  ...emptyState(state.lang),
  hideTypes: state.hideTypes,
  hideKinds: state.hideKinds,
  hideRels: state.hideRels,
  ...(state.years ? { years: state.years } : {}),
  ...(state.sizeBy ? { sizeBy: state.sizeBy } : {}),
});

/** Sets one end of the path; the selection goes, so the panel shows the path. */
export function setPathEnd(state: ExplorerState, end: 'from' | 'to', id: string | undefined): ExplorerState {
  const next: ExplorerState = { ...state, selected: [] };
  if (id) next[end] = id;
  else delete next[end];
  return next;
}

export function swapPathEnds(state: ExplorerState): ExplorerState {
  const next: ExplorerState = { ...state };
  delete next.from;
  delete next.to;
  if (state.to) next.from = state.to;
  if (state.from) next.to = state.from;
  return next;
}

/** Keeps an entity (a hub such as 中国) out of paths, or lets it back in. */
export const toggleAvoided = (state: ExplorerState, id: string): ExplorerState => ({
  ...state,
  avoid: state.avoid.includes(id) ? without(state.avoid, [id]) : [...state.avoid, id],
});

/** The path search with nothing kept out but what the user names: no avoided entities or types, any relationship. */
export const withoutExclusions = (state: ExplorerState): ExplorerState => ({ ...state, avoid: [], avoidTypes: [], pathTypes: [] });

export const longestPaths = (state: ExplorerState): ExplorerState => ({ ...state, maxLength: MAX_PATH_LENGTH });
