import { describe, expect, test } from "vitest";
import { copyInt, copyText, copyTime } from "@/lib/demo/copy-format";
import { shareText } from "@/lib/demo/rows-work";

describe("COPY text format", () => {
  test("escapes backslash, tab, newline and carriage return, and nothing else", () => {
    expect(copyText('Cleaned “sea-surface”, 1,200 rows — "ok"')).toBe('Cleaned “sea-surface”, 1,200 rows — "ok"');
    expect(copyText("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(copyText("")).toBe("");
  });

  test("writes NULL as \\N, distinct from the text \\N", () => {
    expect(copyText(null)).toBe("\\N");
    expect(copyText("\\N")).toBe("\\\\N");
    expect(copyInt(null)).toBe("\\N");
    expect(copyInt(42)).toBe("42");
    expect(copyTime(null)).toBe("\\N");
  });

  test("formats instants exactly as Date#toISOString, across leap days, year ends and the epoch", () => {
    const cases = [0, -1, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2025, 11, 31, 23, 59, 59, 5), Date.UTC(2000, 2, 1), Date.UTC(2100, 1, 28, 12, 0, 0, 50), Date.UTC(1969, 11, 31, 0, 0, 0, 7)];
    for (let i = 0; i < 2_000; i++) cases.push(Date.UTC(1990, 0, 1) + i * 987_654_321 + (i % 1000));
    for (const ms of cases) expect(copyTime(ms)).toBe(new Date(ms).toISOString());
  });
});

test("shareText renders basis points as exact 4-decimal strings", () => {
  expect([shareText(10_000), shareText(5_000), shareText(3_334), shareText(1)]).toEqual(["1.0000", "0.5000", "0.3334", "0.0001"]);
});
