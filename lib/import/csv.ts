// A streaming CSV reader (RFC 4180 and the usual extensions): quoted fields with doubled quotes,
// commas and line breaks inside quotes, CRLF, LF or lone CR line ends, a leading UTF-8 BOM. It
// yields one record at a time with the physical line it starts on, so memory stays bounded
// whatever the file size, and a malformed record is reported without stopping the file. A record
// longer than MAX_ROW_CHARS is refused and its text dropped while it streams past.
// parseCsvBatches hands over the records of each chunk as one array (one await per chunk, not per
// record: at a million rows the per-record promise hops were a large part of an import's time).

import { MAX_ROW_CHARS, ROW_TOO_LONG } from "./limits";

export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

const BARE_STOP = /[,\r\n]/g;
const BREAK = /[\r\n]/g;

export async function* parseCsv(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  for await (const batch of parseCsvBatches(chunks)) yield* batch;
}

export async function* parseCsvBatches(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord[]> {
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = "";
  /** the record has any content (an empty line is no record) */
  let touched = false;
  /** nothing of the current field read yet: only here does a quote open a quoted field */
  let atFieldStart = true;
  let state: "field" | "quoted" | "closed" = "field";
  let problem: string | null = null;
  /** the last character seen was a CR: a LF right after it belongs to the same line break */
  let afterCr = false;
  let first = true;
  /** characters of the current record kept so far; past the limit nothing more is kept */
  let size = 0;
  let tooLong = false;
  const keep = (n: number): boolean => {
    size += n;
    if (size <= MAX_ROW_CHARS) return true;
    if (!tooLong) {
      tooLong = true;
      problem = ROW_TOO_LONG;
      fields = [];
      field = "";
    }
    return false;
  };

  let out: CsvRecord[] = [];
  const endRecord = () => {
    fields.push(field);
    if (touched) out.push(problem ? { line: recordLine, error: problem } : { line: recordLine, fields });
    fields = [];
    field = "";
    touched = false;
    atFieldStart = true;
    problem = null;
    state = "field";
    size = 0;
    tooLong = false;
  };
  /** line breaks inside a quoted piece: CRLF, LF and a lone CR each count once */
  const countBreaks = (piece: string) => {
    BREAK.lastIndex = 0;
    for (let m = BREAK.exec(piece); m; m = BREAK.exec(piece)) {
      const at = m.index;
      if (piece[at] === "\r") line++;
      else if (!(at === 0 ? afterCr : piece[at - 1] === "\r")) line++;
    }
    if (piece.length) afterCr = piece[piece.length - 1] === "\r";
  };

  for await (let chunk of chunks) {
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (state === "quoted") {
        const q = chunk.indexOf('"', i);
        const end = q === -1 ? n : q;
        const piece = chunk.slice(i, end);
        if (keep(piece.length)) field += piece;
        countBreaks(piece);
        if (q === -1) break;
        afterCr = false;
        state = "closed";
        i = q + 1;
        continue;
      }
      const c = chunk[i];
      if (afterCr) {
        afterCr = false;
        if (c === "\n") {
          i++;
          continue;
        }
      }
      if (state === "closed") {
        if (c === '"') {
          if (keep(1)) field += '"';
          state = "quoted";
          i++;
          continue;
        }
        state = "field";
        if (c !== "," && c !== "\r" && c !== "\n") problem ??= 'unexpected text after a closing quote (a quote inside a quoted field is written twice: "")';
      }
      if (c === ",") {
        if (keep(1)) fields.push(field);
        field = "";
        touched = true;
        atFieldStart = true;
        i++;
      } else if (c === "\n" || c === "\r") {
        endRecord();
        line++;
        recordLine = line;
        afterCr = c === "\r";
        i++;
      } else if (c === '"' && atFieldStart) {
        state = "quoted";
        touched = true;
        atFieldStart = false;
        i++;
      } else {
        // Bare text up to the next delimiter; a quote inside a bare field is kept as it is.
        BARE_STOP.lastIndex = i;
        const m = BARE_STOP.exec(chunk);
        const end = m ? m.index : n;
        if (keep(end - i)) field += chunk.slice(i, end);
        touched = true;
        atFieldStart = false;
        i = end;
      }
    }
    if (out.length) {
      yield out;
      out = [];
    }
  }
  if (state === "quoted" && !tooLong) problem = 'a quoted field is never closed (missing ")';
  if (touched) endRecord();
  if (out.length) yield out;
}
