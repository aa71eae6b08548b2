// Kendall's τ-b, the rank agreement the stress lab reports (METRICS.md §10).
//
// τ-b = (n_c − n_d) / √((n_0 − n_1)(n_0 − n_2)), with n_0 = n(n−1)/2 pairs, n_c / n_d the concordant
// / discordant pairs, n_1 the pairs tied in x and n_2 the pairs tied in y. A pair tied in both counts
// in n_1 and n_2 and in neither n_c nor n_d. This is scipy.stats.kendalltau's default (variant "b").
//
// The plain O(n²) pair loop is deliberate: the lab compares at most the union of two top-50 sets
// (≤ 100 items, 4,950 pairs), where Knight's O(n log n) merge sort buys nothing and is harder to
// check by hand.

/**
 * τ-b of two aligned samples; null when it is undefined: fewer than two items, or one sample
 * constant (every pair tied, so the denominator is 0; scipy returns NaN there).
 */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (y.length !== n) throw new Error(`kendallTauB needs aligned samples, got ${n} and ${y.length}`);
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const yi = y[i];
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) throw new Error("kendallTauB needs finite values");
    for (let j = i + 1; j < n; j++) {
      const dx = xi - x[j];
      const dy = yi - y[j];
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      if (dx === 0 || dy === 0) continue;
      if ((dx > 0) === (dy > 0)) concordant++;
      else discordant++;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  if (denominator === 0) return null;
  // Integer counts keep the common "no ties, same order" case exactly 1.
  return (concordant - discordant) / denominator;
}
