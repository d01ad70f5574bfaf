/** Agency codes as stored: trimmed, upper-case, without repeats. */
export function normaliseCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.map((code) => code.trim().toUpperCase()))];
}
