import neo4j from 'neo4j-driver';
import type { Value } from './store.js';

/** Turns a Neo4j result value into a plain value: integers to numbers, temporals to ISO strings, nodes to properties. */
export function fromNeo4j(value: unknown): Value {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers: they leave first, before the driver's type checks, which
  // look a symbol up on every value they are given (a tenth of the CPU of a wide page).
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : (value as Value);
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isTemporal(value)) return (value as { toString(): string }).toString();
  if (value instanceof neo4j.types.Node || value instanceof neo4j.types.Relationship) return fromNeo4j(value.properties);
  return plainObject(value as Record<string, unknown>, fromNeo4j);
}

function isTemporal(value: unknown): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  );
}

/** Turns a Kuzu result value into a plain value: dates to ISO strings, bigints to numbers, internal ids dropped. */
export function fromKuzu(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(fromKuzu);
  if (typeof value === 'object') return plainObject(value as Record<string, unknown>, fromKuzu, (key) => !key.startsWith('_'));
  return value as Value;
}

/** An object's entries converted (those `keep` keeps). A plain loop: every row of every result passes here. */
function plainObject(object: Record<string, unknown>, convert: (v: unknown) => Value, keep?: (key: string) => boolean): Value {
  const plain: Record<string, Value> = {};
  for (const key of Object.keys(object)) if (!keep || keep(key)) plain[key] = convert(object[key]);
  return plain;
}

/** Parameters for Neo4j: whole numbers as Neo4j integers, so `LIMIT $first` and integer comparisons work. */
export function toNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => [key, toNeo4j(v)]),
  );
}

function toNeo4j(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4j);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4j(v)]));
  return value;
}

/**
 * A scalar column as text. The engines return ids, names and types as strings (numbers and booleans
 * are spelled out); anything else is a query returning the wrong column, made loud instead of
 * becoming "[object Object]".
 */
export function text(value: Value | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  throw new TypeError(`expected a scalar column, got ${JSON.stringify(value)}`);
}
