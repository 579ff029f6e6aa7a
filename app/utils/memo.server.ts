// Bounded memos for presentations that are pure functions of immutable rows (a forecast row
// never changes: an edit or a fork makes a new one). Insertion-ordered Map as an LRU: a hit
// moves to the end, eviction takes the first. Kept promises let concurrent first requests
// share one computation; a failure is forgotten so the next request tries again.
export function memo<T>(cap: number): (key: string, compute: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  return (key, compute) => {
    const known = kept.get(key);
    if (known) {
      kept.delete(key);
      kept.set(key, known);
      return known;
    }
    const pending = compute();
    kept.set(key, pending);
    if (kept.size > cap) kept.delete(kept.keys().next().value as string);
    pending.catch(() => {
      if (kept.get(key) === pending) kept.delete(key);
    });
    return pending;
  };
}
