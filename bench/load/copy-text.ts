/** A value as PostgreSQL's COPY text format writes it. Arrays become array literals. */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly (string | null)[];

// Backslash, tab, newline and carriage return are the characters COPY text format escapes.
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeText(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : text;
}

/** `{"a","b"}`: every element quoted, so commas, braces and spaces inside need no further thought. */
function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

function encode(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return escapeText(arrayLiteral(value));
}

/** One line of COPY text: the values tab-separated, newline-terminated. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = encode(values[0]);
  for (let i = 1; i < values.length; i++) line += '\t' + encode(values[i]);
  return line + '\n';
}
