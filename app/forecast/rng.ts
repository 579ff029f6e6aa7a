// Seeded pseudo-random numbers for the Monte Carlo models.
//
// xoshiro128** (Blackman & Vigna) on 32-bit integer arithmetic: JavaScript has fast
// 32-bit ops (Math.imul, >>>) but no fast 64-bit ones, and the generator passes the
// usual statistical batteries while costing a handful of instructions per draw.
// Seeds are expanded with splitmix32 so that nearby seeds (1, 2, 3 ...) give unrelated
// states, and streams are derived by hashing (seed, stream id) the same way, so every
// model component can own a stream: changing how many draws one component makes
// never shifts the draws of another (common random numbers across forks).

const TWO_POW_32 = 4294967296;

// Ziggurat tables for the standard normal (Marsaglia & Tsang 2000, 128 layers). Each
// draw takes one 32-bit integer: its low 7 bits pick a layer and its high 25 bits
// (signed) the position, so layer and value never share bits. About 99% of draws are
// accepted by a single comparison, which makes this several times faster than polar.
const ZIG_LAYERS = 128;
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const ZIG_SCALE = 16777216; // 2^24: magnitude range of the signed 25-bit position
const ZIG_K = new Float64Array(ZIG_LAYERS);
const ZIG_W = new Float64Array(ZIG_LAYERS);
const ZIG_F = new Float64Array(ZIG_LAYERS);
{
  let d = ZIG_R;
  let t = d;
  const q = ZIG_V / Math.exp(-0.5 * d * d);
  ZIG_K[0] = (d / q) * ZIG_SCALE;
  ZIG_K[1] = 0;
  ZIG_W[0] = q / ZIG_SCALE;
  ZIG_W[ZIG_LAYERS - 1] = d / ZIG_SCALE;
  ZIG_F[0] = 1;
  ZIG_F[ZIG_LAYERS - 1] = Math.exp(-0.5 * d * d);
  for (let i = ZIG_LAYERS - 2; i >= 1; i--) {
    d = Math.sqrt(-2 * Math.log(ZIG_V / d + Math.exp(-0.5 * d * d)));
    ZIG_K[i + 1] = (d / t) * ZIG_SCALE;
    t = d;
    ZIG_F[i] = Math.exp(-0.5 * d * d);
    ZIG_W[i] = d / ZIG_SCALE;
  }
}

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit seed for stream `stream` of `seed`; distinct streams are decorrelated. */
export function deriveSeed(seed: number, stream: number): number {
  const s = fmix32((seed >>> 0) ^ 0x9e3779b9);
  return fmix32((s + Math.imul((stream >>> 0) + 1, 0x6a09e667)) >>> 0);
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    // splitmix32 expansion: guarantees a non-zero state for any seed.
    let x = this.seed;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const b = this.b;
    let r = Math.imul(b, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return r >>> 0;
  }

  /**
   * Uniform on the open interval (0, 1). 32 bits of resolution is plenty for Monte
   * Carlo, and never returning 0 keeps Math.log safe in the normal sampler.
   */
  uniform(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Uniform on [min, max). */
  uniformRange(min: number, max: number): number {
    return min + (max - min) * this.uniform();
  }

  /** Standard normal draw (ziggurat). */
  normal(): number {
    const u = this.nextUint32() | 0;
    const layer = u & (ZIG_LAYERS - 1);
    const j = u >> 7;
    if ((j < 0 ? -j : j) < ZIG_K[layer]) return j * ZIG_W[layer];
    return this.normalSlow(j, layer);
  }

  /** The rare ziggurat cases: the base strip's tail, and the wedges beside each layer. */
  private normalSlow(j: number, layer: number): number {
    for (;;) {
      if (layer === 0) {
        let x: number;
        let y: number;
        do {
          x = -Math.log(this.uniform()) / ZIG_R;
          y = -Math.log(this.uniform());
        } while (y + y < x * x);
        return j > 0 ? ZIG_R + x : -ZIG_R - x;
      }
      const x = j * ZIG_W[layer];
      const f0 = ZIG_F[layer];
      if (f0 + this.uniform() * (ZIG_F[layer - 1] - f0) < Math.exp(-0.5 * x * x)) return x;
      const u = this.nextUint32() | 0;
      layer = u & (ZIG_LAYERS - 1);
      j = u >> 7;
      if ((j < 0 ? -j : j) < ZIG_K[layer]) return j * ZIG_W[layer];
    }
  }

  /** An independent generator for sub-stream `stream` of this generator's seed. */
  stream(stream: number): Rng {
    return new Rng(deriveSeed(this.seed, stream));
  }
}

/** Generator for stream `stream` (default 0) of `seed`. */
export function createRng(seed: number, stream = 0): Rng {
  return new Rng(deriveSeed(seed, stream));
}

/** A 32-bit stream id for a name (FNV-1a over UTF-16 code units, then avalanched). */
export function streamId(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h >>> 0);
}

/**
 * The generator of a named substream: common random numbers are keyed by what a draw is
 * for (an input, and where it is used), so a run that changes one input, or draws more or
 * fewer values for it, leaves the draws of every other input exactly as they were.
 */
export function namedRng(seed: number, name: string): Rng {
  return new Rng(deriveSeed(seed, streamId(name)));
}

/**
 * Counter-based uniform on (0, 1): the `counter`-th value of stream `key`, computed
 * directly (splitmix32 of key + counter·φ, then mixed with the key again so that two keys
 * never give shifted copies of one sequence). For draws tied to one sample whatever
 * happens to the samples around it, where a sequential stream would shift as soon as an
 * earlier sample consumed a different number of values.
 */
export function counterUniform(key: number, counter: number): number {
  let z = (key + Math.imul(counter + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z = fmix32(((z ^ (z >>> 15)) ^ Math.imul(key, 0x6a09e667)) >>> 0);
  return (z + 0.5) / TWO_POW_32;
}
