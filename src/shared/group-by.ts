/** Groups [key, value] rows under the given keys, in key order (empty for a key without rows): DataLoader's contract. */
export function groupBy<K, V>(keys: readonly K[], rows: Iterable<readonly [K, V]>): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const [key, value] of rows) groups.get(key)?.push(value);
  return keys.map((key) => groups.get(key)!);
}
