// The readers' row limit (lib/import/limits.ts): a row longer than MAX_ROW_CHARS is refused by its
// line and dropped as it streams, whatever the chunking, and the rows around it read as before.
import { describe, expect, test } from "vitest";
import { parseCsv } from "../../../lib/import/csv";
import { parseJsonl } from "../../../lib/import/jsonl";
import { MAX_ROW_CHARS, ROW_TOO_LONG } from "../../../lib/import/limits";

async function* chunked(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const long = "x".repeat(MAX_ROW_CHARS + 1);
const justFits = "y".repeat(MAX_ROW_CHARS - 4);

describe("CSV", () => {
  for (const size of [4_099, 1 << 20]) {
    test(`a bare cell, a quoted cell over many lines and one of many commas, over the limit; chunks of ${size}`, async () => {
      const quotedLines = `"${"z\n".repeat(MAX_ROW_CHARS / 2 + 1)}"`;
      const text = `a,b\n1,2\n3,${long}\n${quotedLines},4\n${",".repeat(MAX_ROW_CHARS + 1)}\n5,6\n`;
      // The quoted record starts on line 4 and holds MAX/2 + 1 line breaks, so it ends on line MAX/2 + 5.
      const commasLine = MAX_ROW_CHARS / 2 + 6;
      expect(await all(parseCsv(chunked(text, size)))).toEqual([
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "2"] },
        { line: 3, error: ROW_TOO_LONG },
        { line: 4, error: ROW_TOO_LONG },
        { line: commasLine, error: ROW_TOO_LONG },
        { line: commasLine + 1, fields: ["5", "6"] },
      ]);
    });
  }

  test("a record of exactly the limit is read (the cells and their commas count)", async () => {
    const recs = await all(parseCsv(chunked(`${justFits},abc\n`, 1 << 16)));
    expect(recs.map((r) => ("fields" in r ? r.fields.map((f) => f.length) : r))).toEqual([[MAX_ROW_CHARS - 4, 3]]);
  });

  test("an unclosed quote that runs past the limit says so once, not that the quote is open", async () => {
    expect(await all(parseCsv(chunked(`a\n"${long}`, 1 << 16)))).toEqual([{ line: 1, fields: ["a"] }, { line: 2, error: ROW_TOO_LONG }]);
  });
});

describe("JSON Lines", () => {
  for (const size of [4_099, 1 << 20]) {
    test(`a line over the limit between good ones, and one at the end without a line break; chunks of ${size}`, async () => {
      const text = `{"a":1}\n"${long}"\n{"b":2}\n{"c":"${long}"}`;
      expect(await all(parseJsonl(chunked(text, size)))).toEqual([
        { line: 1, value: { a: 1 } },
        { line: 2, error: ROW_TOO_LONG },
        { line: 3, value: { b: 2 } },
        { line: 4, error: ROW_TOO_LONG },
      ]);
    });
  }

  test("a line of exactly the limit is read", async () => {
    const line = `{"t":"${"q".repeat(MAX_ROW_CHARS - 8)}"}`;
    expect(line.length).toBe(MAX_ROW_CHARS);
    expect((await all(parseJsonl(chunked(`${line}\n`, 1 << 16)))).map((r) => ("value" in r ? (r.value.t as string).length : r))).toEqual([MAX_ROW_CHARS - 8]);
  });
});
