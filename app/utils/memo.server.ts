// Bounded memos for presentations that are pure functions of immutable rows (a forecast row
// never changes: an edit or a fork makes a new one). Insertion-ordered Map as an LRU: a hit
// moves to the end, eviction takes the first. Kept promises let concurrent first requests
// share one computation; a failure is forgotten so the next request tries again.
export function memo<T>(cap: number): (key: string, compute: () => Promise<T>) => Promise<T> {
  const kept = memoSync<Promise<T>>(cap);
  return (key, compute) =>
    kept(key, () => {
      const pending = compute();
      pending.catch(() => kept.forget(key, pending));
      return pending;
    });
}

/** The same LRU for values computed synchronously. */
export function memoSync<T>(cap: number): ((key: string, compute: () => T) => T) & { forget(key: string, value: T): void } {
  const kept = new Map<string, T>();
  const get = (key: string, compute: () => T): T => {
    if (kept.has(key)) {
      const known = kept.get(key)!;
      kept.delete(key);
      kept.set(key, known);
      return known;
    }
    const value = compute();
    kept.set(key, value);
    if (kept.size > cap) kept.delete(kept.keys().next().value as string);
    return value;
  };
  return Object.assign(get, {
    forget(key: string, value: T) {
      if (kept.get(key) === value) kept.delete(key);
    },
  });
}

/**
 * The same LRU for markup, bounded by total length (keys included) rather than by count: a kept
 * part is anything from a vote row of a few hundred characters to a forecast panel carrying its
 * chart. A part too large for an eighth of the budget is rendered and not kept.
 */
export function memoText(maxChars: number): (key: string, compute: () => string) => string {
  const kept = new Map<string, string>();
  let size = 0;
  return (key, compute) => {
    const known = kept.get(key);
    if (known !== undefined) {
      kept.delete(key);
      kept.set(key, known);
      return known;
    }
    const value = compute();
    const cost = key.length + value.length;
    if (cost > maxChars / 8) return value;
    kept.set(key, value);
    size += cost;
    // Oldest first; deleting entries already visited is safe while iterating a Map.
    for (const [k, v] of kept) {
      if (size <= maxChars) break;
      kept.delete(k);
      size -= k.length + v.length;
    }
    return value;
  };
}
