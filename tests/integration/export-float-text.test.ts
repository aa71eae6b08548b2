// canonicalFloatText against PostgreSQL itself: for doubles of every magnitude (subnormals to
// 1e308, both signs, integers, short decimals, the values around each notation switch) and the
// special values, the float8 text PostgreSQL's COPY prints, made canonical, is exactly what
// JavaScript's String gives for the same number. If PostgreSQL's output format ever changed
// (extra_float_digits, a new version), this fails.
import { afterAll, beforeAll, expect, test } from "vitest";
import pg from "pg";
import { canonicalFloatText, floatCell } from "../../lib/export/float-text";
import { seededRandom } from "../../lib/metrics/betweenness";


let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
});
afterAll(async () => {
  await pool.end();
});

function sampleDoubles(): number[] {
  const rand = seededRandom(20261201);
  const out: number[] = [0, -0, 1, -1, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON];
  for (let e = -324; e <= 308; e++) {
    for (const m of [1, 1.5, 9.999999999999999, 7]) out.push(m * 10 ** e, -m * 10 ** e);
  }
  for (let i = 0; i < 20_000; i++) {
    const exponent = Math.floor(rand() * 620) - 310;
    out.push((rand() < 0.5 ? -1 : 1) * rand() * 10 ** exponent);
  }
  for (let i = 0; i < 2_000; i++) out.push(Math.round(rand() * 1e6) / 1e3, Math.floor(rand() * 2 ** 53));
  return out.filter((x) => Number.isFinite(x));
}

test("COPY's float8 text, made canonical, equals String(n) for every sampled double", async () => {
  const values = sampleDoubles();
  // Sent as the shortest text (exact), printed back by PostgreSQL as COPY prints a stored column.
  const { rows } = await pool.query<{ t: string }>("SELECT x::text AS t FROM unnest($1::float8[]) WITH ORDINALITY AS u(x, i) ORDER BY i", [values.map((v) => (Object.is(v, -0) ? "-0" : String(v)))]);
  expect(rows).toHaveLength(values.length);
  const wrong = values.map((v, i) => [String(v), canonicalFloatText(rows[i].t), rows[i].t]).filter(([want, got]) => want !== got);
  expect(wrong.slice(0, 5)).toEqual([]);
  expect(values.length).toBeGreaterThan(25_000);
  // The fast path (PostgreSQL's text kept as it is) is the common case, not the exception.
  expect(rows.filter((r) => canonicalFloatText(r.t) === r.t).length / rows.length).toBeGreaterThan(0.05);
});

test("special values and NULL", async () => {
  const { rows } = await pool.query<{ t: string }>("SELECT x::text AS t FROM unnest(ARRAY['NaN', 'Infinity', '-Infinity', '-0']::float8[]) WITH ORDINALITY AS u(x, i) ORDER BY i");
  expect(rows.map((r) => canonicalFloatText(r.t))).toEqual([String(NaN), String(Infinity), String(-Infinity), String(-0)]);
  expect(floatCell("\\N", true)).toBeNull();
  expect(floatCell("1e-05", true)).toBe("0.00001");
  expect(floatCell("1e-05", false)).toBe(0.00001);
});
