/** CSV as spreadsheet programs read it: UTF-8 with a byte-order mark (so Chinese shows right), CRLF rows, RFC 4180 quoting. */
export const BOM = '\uFEFF';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const csvRow = (values: readonly string[]) => `${values.map(csvField).join(',')}\r\n`;

/** A value as a CSV cell: numbers plainly (no grouping, so spreadsheets read them as numbers), flags as true/false, the unknown empty. */
export const csvValue = (value: string | number | boolean | null): string => (value === null ? '' : String(value));
