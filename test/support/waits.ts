// Bounded waits for tests and benchmarks: a broken channel fails the run instead of hanging it.

/** Resolves or rejects as `start` says, or rejects naming `what` once `ms` have passed. */
export function within<T>(ms: number, what: string, start: (resolve: (value: T) => void, reject: (error: Error) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    start(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
