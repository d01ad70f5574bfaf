/** Groups [key, value] rows under the given keys, in key order (empty for a key without rows): DataLoader's contract. */
export function groupBy<K, V>(keys: readonly K[], rows: Iterable<readonly [K, V]>): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const [key, value] of rows) groups.get(key)?.push(value);
  return keys.map((key) => groups.get(key)!);
}

/** Rows in the order of their keys, null for a key without a row: DataLoader's contract. */
export function inKeyOrder<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** What `DataLoader.loadMany` found: neither missing (null) nor failed. */
export function isLoaded<T>(value: T | null | Error): value is T {
  return value !== null && !(value instanceof Error);
}
