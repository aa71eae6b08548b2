// Import files must be UTF-8 (docs/import-format.md). Read as text, invalid bytes would silently
// become U+FFFD and be stored; so the file is checked first, streaming, and an invalid one stops
// the import before any row is read, naming the line and byte of the first bad sequence.
import { createReadStream } from "node:fs";
import { AppError } from "@/lib/errors";

/** Resolves when the whole file is valid UTF-8; otherwise throws an AppError naming the first bad byte. */
export async function assertUtf8File(filePath: string): Promise<void> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let valid = true;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    try {
      decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      valid = false;
      break;
    }
  }
  if (valid) {
    try {
      decoder.decode();
      return;
    } catch {
      // a multi-byte character cut off at the end of the file
    }
  }
  const at = await firstInvalidByte(filePath);
  throw new AppError("invalid_input", `Line ${at.line}: the file is not valid UTF-8 (byte ${(at.offset + 1).toLocaleString("en-US")} of the file cannot start or continue a character). Save it as UTF-8 and import it again.`);
}

/**
 * The byte offset and the physical line (LF, CRLF or lone CR, as the readers count them) of the
 * first byte that breaks UTF-8, by the WHATWG decoder's rules (no overlongs, no surrogates, at
 * most U+10FFFF). Only run once the fast check has failed.
 */
export async function firstInvalidByte(filePath: string): Promise<{ offset: number; line: number }> {
  let offset = 0;
  let line = 1;
  let afterCr = false;
  let need = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let seqStart = 0;
  let seqLine = 1;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++, offset++) {
      const b = bytes[i];
      if (need > 0) {
        if (b < lower || b > upper) return { offset: seqStart, line: seqLine };
        lower = 0x80;
        upper = 0xbf;
        need--;
        continue;
      }
      if (b === 0x0a) {
        if (!afterCr) line++;
        afterCr = false;
        continue;
      }
      afterCr = b === 0x0d;
      if (afterCr) line++;
      if (b < 0x80) continue;
      seqStart = offset;
      seqLine = line;
      if (b >= 0xc2 && b <= 0xdf) need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
      } else return { offset, line };
    }
  }
  return { offset: need > 0 ? seqStart : offset, line: need > 0 ? seqLine : line };
}
