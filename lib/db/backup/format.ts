// The backup file: a gzip stream of framed records, written and read in one pass with constant
// memory (docs/backup.md). After the magic line, every record is a frame:
//   1 byte kind · 4 bytes payload length (unsigned, big endian) · payload
// in this order: M (manifest, JSON) · for each table: T (table start, JSON) · D* (COPY text data)
// · F (table end, JSON: rows and sha256 of the table's data bytes) · E (end, JSON). A file that
// stops before its E frame is truncated; a table whose bytes do not hash to its F frame is corrupt.
import { z } from "zod";

export const MAGIC = Buffer.from("UNDERSTORY-BACKUP\n", "ascii");
export const FORMAT_VERSION = 1;
/** COPY chunks are re-cut to at most this size, so a reader never holds more than one in memory */
export const MAX_DATA_FRAME = 1 << 20;
/** JSON frames (the manifest lists every table and column) stay far below this */
const MAX_JSON_FRAME = 16 << 20;
const HEADER_BYTES = 5;

export type FrameKind = "M" | "T" | "D" | "F" | "E";

/** A backup that cannot be read: truncated, corrupt, or not a backup at all. */
export class BackupFormatError extends Error {
  constructor(detail: string) {
    super(`The backup file is truncated or corrupt: ${detail}.`);
    this.name = "BackupFormatError";
  }
}

const tableSchema = z.object({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  /** rows in the snapshot, counted before the table's data was written */
  rows: z.number().int().nonnegative(),
});

const sequenceSchema = z.object({
  table: z.string().min(1),
  column: z.string().min(1),
  /** the value the next nextval() would return in the source, as a decimal string (bigint) */
  next: z.string().regex(/^-?\d+$/),
});

export const manifestSchema = z.object({
  format: z.literal("understory-backup"),
  version: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  serverVersion: z.string(),
  /** names of the applied migrations (_prisma_migrations), sorted */
  migrations: z.array(z.string()),
  /** COPY text format, UTF8, with the session settings of lib/db/backup/session.ts */
  dataFormat: z.literal("copy-text-utf8"),
  tables: z.array(tableSchema),
  sequences: z.array(sequenceSchema),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupTable = z.infer<typeof tableSchema>;

const tableStartSchema = z.object({ name: z.string(), columns: z.array(z.string()) });
const tableEndSchema = z.object({ name: z.string(), rows: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const endSchema = z.object({ tables: z.number().int().nonnegative() });
export type TableEnd = z.infer<typeof tableEndSchema>;

export function frame(kind: FrameKind, payload: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(kind, 0, "ascii");
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

export const jsonFrame = (kind: FrameKind, value: unknown) => frame(kind, Buffer.from(JSON.stringify(value), "utf8"));

/** Data frames of at most MAX_DATA_FRAME bytes each. */
export function* dataFrames(chunk: Buffer): Generator<Buffer> {
  for (let at = 0; at < chunk.length; at += MAX_DATA_FRAME) yield frame("D", chunk.subarray(at, at + MAX_DATA_FRAME));
}

/** Reads exact byte counts from a stream of buffers (the gunzipped file). */
class ByteReader {
  private buffered: Buffer[] = [];
  private size = 0;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  /** exactly n bytes, or null at a clean end of input before the first byte */
  async read(n: number): Promise<Buffer | null> {
    while (this.size < n) {
      const next = await this.source.next();
      if (next.done) {
        if (this.size === 0) return null;
        throw new BackupFormatError(`the file ends in the middle of a record (${this.size} of ${n} bytes)`);
      }
      this.buffered.push(next.value);
      this.size += next.value.length;
    }
    const all = this.buffered.length === 1 ? this.buffered[0] : Buffer.concat(this.buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.buffered = rest.length ? [rest] : [];
    this.size = rest.length;
    return out;
  }
}

export interface Frame {
  kind: FrameKind;
  payload: Buffer;
}

/** Frames in file order; checks the magic line first and every frame's kind and length. */
export async function* readFrames(input: AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  const reader = new ByteReader(input[Symbol.asyncIterator]());
  const magic = await reader.read(MAGIC.length).catch((error: unknown) => {
    if (error instanceof BackupFormatError) return null; // shorter than the magic line
    throw error;
  });
  if (!magic || !magic.equals(MAGIC)) throw new BackupFormatError("it does not start with the Understory backup header");
  for (;;) {
    const header = await reader.read(HEADER_BYTES);
    if (!header) return;
    const kind = header.toString("ascii", 0, 1);
    const length = header.readUInt32BE(1);
    if (!"MTDFE".includes(kind)) throw new BackupFormatError(`unknown record kind 0x${header[0].toString(16)}`);
    if (length > (kind === "D" ? MAX_DATA_FRAME : MAX_JSON_FRAME)) throw new BackupFormatError(`a record claims ${length} bytes`);
    const payload = length === 0 ? Buffer.alloc(0) : await reader.read(length);
    if (!payload) throw new BackupFormatError("the file ends in the middle of a record");
    yield { kind: kind as FrameKind, payload };
  }
}

function parseJson<T>(schema: z.ZodType<T>, payload: Buffer, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString("utf8"));
  } catch {
    throw new BackupFormatError(`the ${what} record is not valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BackupFormatError(`the ${what} record is malformed (${parsed.error.issues[0]?.message ?? "invalid"})`);
  return parsed.data;
}

export const parseManifest = (payload: Buffer) => parseJson(manifestSchema, payload, "manifest");
export const parseTableStart = (payload: Buffer) => parseJson(tableStartSchema, payload, "table start");
export const parseTableEnd = (payload: Buffer) => parseJson(tableEndSchema, payload, "table end");
export const parseEnd = (payload: Buffer) => parseJson(endSchema, payload, "end");

/** Rows in COPY text data: one per newline (newlines inside values are escaped as \n). */
export function countRows(chunk: Buffer): number {
  let n = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) n++;
  return n;
}
