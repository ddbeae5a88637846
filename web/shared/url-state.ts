/**
 * The pages keep their state in the address (selected node, filters, sort, tab), so a view can be
 * shared and Back and Forward walk it. Lists are comma-separated; empty values are left out.
 */
export type StateValue = string | number | readonly string[] | null | undefined;

export function readState(): URLSearchParams {
  return new URLSearchParams(location.search);
}

/** A list parameter (`kinds=HOSPITAL,PRIMARY_CARE`). */
export function readList(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '').split(',').filter(Boolean);
}

/** A number parameter, or undefined. */
export function readNumber(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

export function stateUrl(state: Record<string, StateValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(state)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(name, value.join(','));
    } else params.set(name, String(value));
  }
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

/** Records a new state: `push` adds a history entry (a new selection), `replace` amends the current one. */
export function writeState(state: Record<string, StateValue>, mode: 'push' | 'replace'): void {
  const url = stateUrl(state);
  if (url === `${location.pathname}${location.search}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
