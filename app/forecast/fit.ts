// Small deterministic numeric helpers for the closed-form (non-sampled) models:
// least-squares fits, their inverses, and 1-D root finding. Pure: no IO, no randomness.

export interface LinearFit {
  intercept: number;
  slope: number;
  /** Sum of squared residuals. */
  sse: number;
}

/** Ordinary least squares y = intercept + slope·x. */
export function linearFit(x: readonly number[], y: readonly number[]): LinearFit {
  const n = x.length;
  if (n !== y.length || n < 2) throw new Error("linearFit needs two equally long arrays of length >= 2");
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  // Centred sums avoid cancellation when x sits far from 0 (e.g. log10 FLOP ~ 22).
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (intercept + slope * x[i] - y[i]) ** 2;
  return { intercept, slope, sse };
}

/** x at which the line reaches y; null if the line is flat. */
export function invertLinear(fit: LinearFit, y: number): number | null {
  return fit.slope === 0 ? null : (y - fit.intercept) / fit.slope;
}

/**
 * perf(L) = 1 / (1 + exp((L − L0)/s)): a decreasing s-curve in L for s > 0,
 * equal to 0.5 at L0, with s the loss change per e-fold of the odds.
 */
export interface LogisticFit {
  L0: number;
  s: number;
  sse: number;
  iterations: number;
  converged: boolean;
}

export function logistic(L: number, L0: number, s: number): number {
  const z = (L - L0) / s;
  // Split by sign so exp never overflows to Infinity/Infinity.
  if (z >= 0) {
    const e = Math.exp(-z);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(z));
}

/** L at which the s-curve equals p (0 < p < 1). */
export function invertLogistic(fit: { L0: number; s: number }, p: number): number | null {
  if (!(p > 0 && p < 1)) return null;
  return fit.L0 + fit.s * Math.log(1 / p - 1);
}

function logisticSse(x: readonly number[], y: readonly number[], L0: number, s: number): number {
  let sse = 0;
  for (let i = 0; i < x.length; i++) sse += (logistic(x[i], L0, s) - y[i]) ** 2;
  return sse;
}

/**
 * Least-squares fit of the decreasing s-curve by Levenberg–Marquardt.
 * Start: a straight-line fit of logit(y) against x, which is exact for noise-free data
 * and lands inside the basin of the least-squares optimum for GPT-3-like data.
 * s is kept strictly positive (performance must fall as loss rises).
 */
export function logisticFit(x: readonly number[], y: readonly number[]): LogisticFit {
  const n = x.length;
  if (n !== y.length || n < 2) throw new Error("logisticFit needs two equally long arrays of length >= 2");
  const eps = 1e-3;
  const logits = y.map((v) => Math.log(1 / Math.min(1 - eps, Math.max(eps, v)) - 1));
  const start = linearFit(x, logits);
  let L0: number;
  let s: number;
  const xMin = Math.min(...x);
  const xMax = Math.max(...x);
  if (start.slope > 0) {
    s = 1 / start.slope;
    L0 = -start.intercept * s;
  } else {
    // Data do not fall with x; start from the middle and let the fit do what it can.
    L0 = (xMin + xMax) / 2;
    s = Math.max((xMax - xMin) / 4, 1e-3);
  }
  const sMin = 1e-9;
  let sse = logisticSse(x, y, L0, s);
  let lambda = 1e-3;
  let converged = false;
  let it = 0;
  for (; it < 500; it++) {
    // Normal equations JᵀJ·δ = −Jᵀr for the two parameters.
    let a11 = 0;
    let a12 = 0;
    let a22 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const f = logistic(x[i], L0, s);
      const z = (x[i] - L0) / s;
      const d = f * (1 - f);
      const j1 = d / s; // ∂f/∂L0
      const j2 = (d * z) / s; // ∂f/∂s
      const r = f - y[i];
      a11 += j1 * j1;
      a12 += j1 * j2;
      a22 += j2 * j2;
      g1 += j1 * r;
      g2 += j2 * r;
    }
    let improved = false;
    while (lambda < 1e12) {
      const m11 = a11 * (1 + lambda);
      const m22 = a22 * (1 + lambda);
      const det = m11 * m22 - a12 * a12;
      if (det > 0 && Number.isFinite(det)) {
        const d1 = (-g1 * m22 + g2 * a12) / det;
        const d2 = (-g2 * m11 + g1 * a12) / det;
        const nL0 = L0 + d1;
        const ns = s + d2;
        if (ns > sMin) {
          const nsse = logisticSse(x, y, nL0, ns);
          if (nsse <= sse) {
            const small = Math.abs(d1) <= 1e-12 * (1 + Math.abs(L0)) && Math.abs(d2) <= 1e-12 * (1 + s);
            const flat = sse - nsse <= 1e-15 * (1 + sse);
            L0 = nL0;
            s = ns;
            sse = nsse;
            lambda = Math.max(lambda / 10, 1e-12);
            improved = true;
            if (small || flat) converged = true;
            break;
          }
        }
      }
      lambda *= 10;
    }
    if (!improved) {
      // No downhill step at any damping: we are at a (local) minimum to machine precision.
      converged = true;
      break;
    }
    if (converged) break;
  }
  return { L0, s, sse, iterations: it, converged };
}

/**
 * Root of f on [lo, hi] by bisection; null if f does not change sign there.
 * Used where a closed-form inverse is unavailable or as an independent cross-check of one.
 */
export function bisect(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tol = 1e-12,
  maxIter = 200,
): number | null {
  let flo = f(lo);
  const fhi = f(hi);
  if (flo === 0) return lo;
  if (fhi === 0) return hi;
  if (!(Number.isFinite(flo) && Number.isFinite(fhi)) || Math.sign(flo) === Math.sign(fhi)) return null;
  for (let i = 0; i < maxIter && hi - lo > tol * (1 + Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    const fm = f(mid);
    if (fm === 0) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}

/** Log-spaced grid from 10^lo10 to 10^hi10 inclusive with `perDecade` points per decade. */
export function logGrid(lo10: number, hi10: number, perDecade: number): number[] {
  const steps = Math.round((hi10 - lo10) * perDecade);
  const out: number[] = [];
  // toPrecision keeps decade points exact (10 ** 23 is not exactly 1e23 in binary floating point).
  for (let i = 0; i <= steps; i++) out.push(Number((10 ** (lo10 + (i * (hi10 - lo10)) / steps)).toPrecision(12)));
  return out;
}
