// The standard normal CDF and its inverse, to double precision in the body of the
// distribution: quick forecasts turn stated percentiles into a CDF and back (quantiles.ts),
// and a reader must get back exactly the numbers they typed.

const LN_SQRT_2PI = 0.9189385332046727;

/**
 * Φ(z) by its Taylor series around 0 (Marsaglia 2004): every term has the sign of z, so
 * nothing cancels, and the absolute error stays near 1e-16. Far tails are clamped.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z < -38) return 0;
  if (z > 38) return 1;
  const q = z * z;
  let sum = z;
  let term = z;
  let prev = 0;
  for (let i = 1; sum !== prev; ) {
    prev = sum;
    i += 2;
    term *= q / i;
    sum = prev + term;
  }
  return Math.min(1, Math.max(0, 0.5 + sum * Math.exp(-0.5 * q - LN_SQRT_2PI)));
}

// Rational approximation of the inverse (P. J. Acklam's coefficients, relative error
// 1.15e-9), then one Halley step against normalCdf for full precision.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Φ⁻¹(p) for p in (0, 1); ±Infinity at 0 and 1, NaN outside. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  // Halley refinement: e is the CDF error, u the Newton step (e / density).
  const e = normalCdf(x) - p;
  const u = e * Math.exp(0.5 * x * x + LN_SQRT_2PI);
  return x - u / (1 + (x * u) / 2);
}
