/** A RETURN list of a variable's properties under their own names (neither engine shares map projections). */
export function returnFields(variable: string, fields: readonly string[]): string {
  return fields.map((f) => `${variable}.${f} AS ${f}`).join(', ');
}
