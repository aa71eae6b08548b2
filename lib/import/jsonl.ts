// A streaming JSON Lines reader: one JSON object per line (LF or CRLF), blank lines ignored, a
// leading UTF-8 BOM dropped. Yields each line's value or the reason it could not be read. A line
// longer than MAX_ROW_CHARS is refused and its text dropped while it streams past.
import { MAX_ROW_CHARS, ROW_TOO_LONG } from "./limits";

export type JsonlRecord = { line: number; value: Record<string, unknown> } | { line: number; error: string };

export async function* parseJsonl(chunks: AsyncIterable<string>): AsyncGenerator<JsonlRecord> {
  let rest = "";
  let line = 0;
  let first = true;
  /** inside a line already refused as too long: its text is dropped up to the next line break */
  let skipping = false;
  const read = (text: string): JsonlRecord | null => {
    line++;
    const s = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (s.length > MAX_ROW_CHARS) return { line, error: ROW_TOO_LONG };
    if (s.trim() === "") return null;
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch {
      return { line, error: "not valid JSON" };
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) return { line, error: "each line must be one JSON object" };
    return { line, value: value as Record<string, unknown> };
  };
  for await (let chunk of chunks) {
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const out: JsonlRecord[] = [];
    if (skipping) {
      const nl = chunk.indexOf("\n");
      if (nl === -1) continue;
      out.push({ line: ++line, error: ROW_TOO_LONG });
      skipping = false;
      chunk = chunk.slice(nl + 1);
    }
    rest += chunk;
    let start = 0;
    for (let nl = rest.indexOf("\n"); nl !== -1; nl = rest.indexOf("\n", start)) {
      const r = read(rest.slice(start, nl));
      if (r) out.push(r);
      start = nl + 1;
    }
    rest = rest.slice(start);
    if (rest.length > MAX_ROW_CHARS) {
      rest = "";
      skipping = true;
    }
    yield* out;
  }
  if (skipping) yield { line: ++line, error: ROW_TOO_LONG };
  else if (rest !== "") {
    const r = read(rest);
    if (r) yield r;
  }
}
