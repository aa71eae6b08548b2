// The bad values the fuzz tests throw at every entry point, as fast-check arbitraries: malformed
// and wrong-type values, unicode edges, injection-shaped text and boundary numbers and dates.
// Each family is a small fixed pool mixed with generated values, so a run covers every named edge
// and still wanders; `refs` are ids from the database (missing, withdrawn, the target itself).
import fc from "fast-check";

export const MB = 1 << 20;

export const UNICODE_EDGES = [
  "\uD800", "\uDFFF", "a\uDC00b", "\u0000", "a\u0000b", "\u202Eevil\u202C", "\u200F\u200E", "e\u0301\u0301\u0301", "Z\u0351\u0352\u0353\u0354\u0355".repeat(50),
  "\uFEFFtitle", "\u200B", "\u00A0", "\u2028\u2029", "🦀🏳️‍🌈", "\uFFFF", "\uFFFD", "\r\n\t", "\u001B[31m", "\u007F",
];
export const INJECTIONS = [
  "'; DROP TABLE contributions; --", "1 OR 1=1", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)", "$$; DELETE FROM users; $$", "\\", "%", "_", "%27",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "\"><svg onload=alert(1)>", "{{7*7}}", "${7*7}",
  "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "file:///etc/passwd", "%2e%2e%2f%2e%2e%2f", "\\\\server\\share",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "{\"__proto__\":{\"admin\":true}}",
];
export const NUMBERS = [
  "NaN", "Infinity", "-Infinity", "-1", "0", "-0", "1e309", "1e-400", "0x10", "1_000", "2147483648", "9007199254740993", "-2147483649",
  "1.5", "0.1", " 1 ", "1 ", "١", "Ⅻ", "1e3", "", " ", "null", "undefined", "true", "[]", "{}",
];
export const DATES = [
  "0000-01-01", "0001-01-01", "-000001-01-01", "10000-01-01", "+275760-09-13", "9999-12-31T23:59:59Z", "1900-01-01", "1969-12-31T23:59:59.999Z",
  "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-01T25:00", "2026-01-01T00:00+99:00", "2099-01-01", "2026-12-02", "yesterday",
  "1e12", "0", "2026-1-1", "2026/01/01", "01/02/2026", "2026-01-01T00:00:00.000000001Z",
];
export const SHARES = ["0.5", "1.5", "-0.5", "0", "0.333333333", "1.000000001", "0.1;0.2", "ada@example.org=0.6; bob@example.org=0.6", "ada@example.org=0.6; ada@example.org=0.4"];

/**
 * Text that should never reach the database unexamined: every pool, some random, and very long
 * strings (1 MB in bodies; in a URL at most 8 KB, since Node refuses longer request heads itself).
 */
export const nastyString = (where: "body" | "url" = "body"): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...UNICODE_EDGES, ...INJECTIONS) },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS, ...DATES, ...SHARES) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme-composite", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom(201, 501, 2_001, 10_001, 100_001).map((n) => "x".repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom("a", "\uD83D", "<", "'").map((c) => c.repeat(where === "body" ? MB : 8_000)) },
  );

/** A value for an id field: nonsense, boundaries, or ids that exist in some troubling way. */
export const nastyId = (refs: number[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...NUMBERS, "999999", "2147483647", "-5", "1.0", "01", "0b1"),
    refs.length ? fc.constantFrom(...refs.map(String)) : fc.constant("999998"),
    fc.integer({ min: -3, max: 3_000_000_000 }).map(String),
  );

/** Any JSON-able value of a wrong type, for a field of a JSON body (NaN and Infinity become null in JSON). */
export const wrongJson = (refs: number[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    nastyString(),
    fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.1, -2147483649, 2147483648),
    refs.length ? fc.constantFrom(...refs) : fc.constant(999998),
    fc.constantFrom(null, true, false, [], {}, [1, 2], { __proto__: { admin: true } }, JSON.parse('{"__proto__":{"polluted":1}}'), { constructor: { prototype: { polluted: 1 } } }),
    fc.json({ maxDepth: 3 }).map((s) => JSON.parse(s)),
  );

/** Keys a request may add to a body or a form: prototype pollution and framework-internal names. */
export const nastyKey = (): fc.Arbitrary<string> =>
  fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "$ACTION_ID_1", "$ACTION_REF_1", "role", "id", "authorIds", "deletedAt", "version", ""), fc.string({ maxLength: 12 }));

/** Names of fields that carry ids (they get nastyId values as well as the general ones). */
export const isIdField = (key: string): boolean => /(^id$|Id$|Ids$|^source$|^target$|^imported$|^account$|^row$)/.test(key);
