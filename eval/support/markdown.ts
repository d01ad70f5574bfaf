// Small Markdown helpers for the report.

/** A Markdown table; `|` and line breaks inside cells are escaped. */
export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

export const fixed = (value: number, digits = 2) => value.toFixed(digits);
export const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
export const yesNo = (value: boolean) => (value ? 'yes' : '**no**');
export const ratio = (passed: number, of: number) => (of === 0 ? '—' : `${passed}/${of}`);
