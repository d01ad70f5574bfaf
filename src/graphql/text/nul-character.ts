/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a string carrying one could never be
 * stored or compared, so the registry refuses it before anything runs.
 */
export const NUL_REFUSAL = 'Text may not contain the NUL character (U+0000)';

/**
 * How deep a variable's value may nest. The deepest input of the schema nests a few levels;
 * a client's JSON can nest as deep as it likes, and no walk over it may recurse without bound.
 */
export const MAX_VARIABLE_DEPTH = 32;

export type VariableProblem = { kind: 'nul' | 'too-deep'; path: string };

/**
 * The first string (or key) holding a NUL character in a JSON-like value, with its path
 * (e.g. "input.items.0.make"), or the first place nested deeper than `maxDepth`; null when
 * there is neither. Iterative, so no value can overflow the stack.
 */
export function variableProblem(value: unknown, path: string, maxDepth = MAX_VARIABLE_DEPTH): VariableProblem | null {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value === 'string') {
      if (next.value.includes('\u0000')) return { kind: 'nul', path: next.path };
      continue;
    }
    if (!next.value || typeof next.value !== 'object') continue;
    if (next.depth >= maxDepth) return { kind: 'too-deep', path: next.path };
    const entries = Array.isArray(next.value) ? next.value.map((inner, i) => [String(i), inner] as const) : Object.entries(next.value);
    // Pushed in reverse, so the first problem in reading order is the one reported.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, inner] = entries[i];
      const innerPath = `${next.path}.${key}`;
      if (key.includes('\u0000')) return { kind: 'nul', path: innerPath };
      pending.push({ value: inner, path: innerPath, depth: next.depth + 1 });
    }
  }
  return null;
}
