import { describe, expect, test } from "vitest";
import { parseCsv, type CsvRecord } from "../../../lib/import/csv";
import { parseJsonl } from "../../../lib/import/jsonl";

async function* chunksOf(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function all<T>(gen: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

// Header on line 1; a quoted field with a comma, a doubled quote and a CRLF inside spans lines
// 2–3; a blank line 4 is no record; line 5 has empty fields; the last line has no line end.
const TEXT = '\uFEFFa,b,c\r\n"x, y","say ""hi""\r\nthere",3\r\n\r\n,,\r\nlast,"",end';
const EXPECTED: CsvRecord[] = [
  { line: 1, fields: ["a", "b", "c"] },
  { line: 2, fields: ["x, y", 'say "hi"\r\nthere', "3"] },
  { line: 5, fields: ["", "", ""] },
  { line: 6, fields: ["last", "", "end"] },
];

describe("parseCsv", () => {
  test.each([1, 2, 3, 7, 1000])("reads quotes, CRLF, a BOM and blank lines whatever the chunk size (%i)", async (size) => {
    expect(await all(parseCsv(chunksOf(TEXT, size)))).toEqual(EXPECTED);
  });

  test("LF and lone CR line ends count lines the same way", async () => {
    expect(await all(parseCsv(chunksOf('a\n"b\nc"\rd\n', 2)))).toEqual([
      { line: 1, fields: ["a"] }, { line: 2, fields: ["b\nc"] }, { line: 4, fields: ["d"] },
    ]);
  });

  test("a quote inside a bare field is kept; text after a closing quote refuses the record only", async () => {
    expect(await all(parseCsv(chunksOf('5" screen,ok\n"a"b,c\nnext,row\n', 4)))).toEqual([
      { line: 1, fields: ['5" screen', "ok"] },
      { line: 2, error: 'unexpected text after a closing quote (a quote inside a quoted field is written twice: "")' },
      { line: 3, fields: ["next", "row"] },
    ]);
  });

  test("an unclosed quote at the end of the file is reported on the line it opened", async () => {
    expect(await all(parseCsv(chunksOf('h\nok\n"never\nclosed\n', 5)))).toEqual([
      { line: 1, fields: ["h"] }, { line: 2, fields: ["ok"] }, { line: 3, error: 'a quoted field is never closed (missing ")' },
    ]);
  });
});

describe("parseJsonl", () => {
  test("one object per line, CRLF, BOM and blank lines; refusals by line", async () => {
    const text = '\uFEFF{"a":1}\r\n\r\n[1]\n{"b":\n  \n{"c":"x\\ny"}';
    expect(await all(parseJsonl(chunksOf(text, 3)))).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, error: "each line must be one JSON object" },
      { line: 4, error: "not valid JSON" },
      { line: 6, value: { c: "x\ny" } },
    ]);
  });
});
