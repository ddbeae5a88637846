/** A Cypher literal for a curated value; seed files hold data we curated, never user input. */
export function literal(value: string | number | boolean | readonly string[]): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
}
