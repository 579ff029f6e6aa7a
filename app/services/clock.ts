/** Time is injected so tests and the seed are exact. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
