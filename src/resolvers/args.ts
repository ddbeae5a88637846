import { ENTITY_PREFIX, labelOfId, type NodeLabel } from '../model/graph.js';
import type { SizeArgument } from '../model/pages.js';
import { normalizeText } from '../text/normalize.js';
import { badArgument } from './errors.js';

const PREFIX_OF: Record<NodeLabel, string> = { ...ENTITY_PREFIX, Report: 'report' };

/** An id argument: any known prefix, or the prefix of `label` when given. Malformed ids are BAD_USER_INPUT. */
export function idArgument(argument: string, id: string, label?: NodeLabel): string {
  const found = labelOfId(id);
  if (!found || id.length <= id.indexOf(':') + 1 || id.length > 300) {
    throw badArgument(argument, `"${id}" is not an id of this API (ids look like org:寿阳县医疗集团)`);
  }
  if (label && found !== label) throw badArgument(argument, `"${id}" is not a ${label} id (those start with ${PREFIX_OF[label]}:)`);
  return id;
}

/** An optional id argument. */
export function optionalId(argument: string, id: string | null | undefined, label?: NodeLabel): string | undefined {
  return id === null || id === undefined ? undefined : idArgument(argument, id, label);
}

/** A division code or its start (`14`, `1407`, `140725`): digits only. */
export function codeArgument(argument: string, code: string | null | undefined): string | undefined {
  if (code === null || code === undefined) return undefined;
  if (!/^\d{1,6}$/.test(code)) throw badArgument(argument, `"${code}" is not a division code or its start (one to six digits, as 1407)`);
  return code;
}

/** A place filter: a place id, or a six-digit division code naming the place. */
export function placeArgument(place: string | null | undefined): { place?: string; placeCode?: string } {
  if (place === null || place === undefined) return {};
  if (/^\d{6}$/.test(place)) return { placeCode: place };
  return { place: idArgument('filter.place', place, 'Place') };
}

/** A size argument (page size, limit, depth): absent or null is its default, out of its range an error naming it. */
export function sizeArgument(argument: string, value: number | null | undefined, size: SizeArgument): number {
  const n = value ?? size.default;
  if (n < size.min || n > size.max) throw badArgument(argument, `must be from ${size.min} to ${size.max}, got ${n}`);
  return n;
}

/** Search text: normalized (Traditional → Simplified, glued pinyin dropped), 1 to 100 characters. */
export function textArgument(argument: string, text: string | null | undefined): string | undefined {
  if (text === null || text === undefined) return undefined;
  const normalized = normalizeText(text).trim();
  if (!normalized || [...normalized].length > 100) throw badArgument(argument, 'must be 1 to 100 characters of text');
  return normalized;
}

/** A range whose ends, when both given, are in order. */
export function rangeArguments(from: string, to: string, low: number | null | undefined, high: number | null | undefined) {
  if (low !== null && low !== undefined && high !== null && high !== undefined && low > high) {
    throw badArgument(from, `must not be greater than ${to} (${low} > ${high})`);
  }
  return { low: low ?? undefined, high: high ?? undefined };
}

/** A list argument: absent and empty both mean "no restriction". */
export function listArgument<T>(values: readonly T[] | null | undefined): T[] | undefined {
  return values?.length ? [...values] : undefined;
}
