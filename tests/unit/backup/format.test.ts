// The backup container read back from any split into chunks (gunzip hands out arbitrary pieces),
// its checks on damaged input, and the foreign-key load order.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { dependencyOrder } from "../../../lib/db/backup/catalog";
import { type BackupManifest, countRows, dataFrames, jsonFrame, MAGIC, MAX_DATA_FRAME } from "../../../lib/db/backup/format";
import { walkBackup } from "../../../lib/db/backup/read-backup";

const ROWS = "1\tZoë\t\\N\n2\ttab\\there\\nnewline\t{\"a\": 1}\n";

/** a valid backup of `rows`, whose users checksum is that of `hashed` (a different text makes it corrupt) */
function backupBytes(rows = ROWS, hashed = rows): Buffer {
  const data = Buffer.from(rows, "utf8");
  const manifest: BackupManifest = {
    format: "understory-backup", version: 1, createdAt: "2026-12-01T00:00:00.000Z", serverVersion: "15.18",
    migrations: ["20261122035429_init"], dataFormat: "copy-text-utf8",
    tables: [{ name: "users", columns: ["id", "name", "email"], rows: 2 }, { name: "jobs", columns: ["id"], rows: 0 }],
    sequences: [{ table: "users", column: "id", next: "3" }],
  };
  return Buffer.concat([
    MAGIC, jsonFrame("M", manifest),
    jsonFrame("T", { name: "users", columns: ["id", "name", "email"] }), ...dataFrames(data.subarray(0, 7)), ...dataFrames(data.subarray(7)),
    jsonFrame("F", { name: "users", rows: 2, sha256: createHash("sha256").update(hashed, "utf8").digest("hex") }),
    jsonFrame("T", { name: "jobs", columns: ["id"] }), jsonFrame("F", { name: "jobs", rows: 0, sha256: createHash("sha256").digest("hex") }),
    jsonFrame("E", { tables: 2 }),
  ]);
}

async function* pieces(bytes: Buffer, cuts: number[]) {
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    yield bytes.subarray(at, cut);
    at = cut;
  }
  yield bytes.subarray(at);
}

async function read(bytes: Buffer, cuts: number[] = []) {
  const data: Buffer[] = [];
  const manifest = await walkBackup(pieces(bytes, cuts), { data: (c) => void data.push(c) });
  return { manifest, data: Buffer.concat(data).toString("utf8") };
}

describe("walkBackup", () => {
  test("reads the same manifest and rows however the bytes are split", async () => {
    const bytes = backupBytes();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }), async (cuts) => {
        const { manifest, data } = await read(bytes, cuts);
        expect(manifest.tables.map((t) => t.name)).toEqual(["users", "jobs"]);
        expect(data).toBe(ROWS);
      }),
      { numRuns: 200 },
    );
  });

  test("every shortened file is refused as truncated", async () => {
    const bytes = backupBytes();
    for (let length = 0; length < bytes.length; length++) {
      await expect(read(bytes.subarray(0, length))).rejects.toThrow(/^The backup file is truncated or corrupt: /);
    }
  });

  test("a changed data byte fails the table's checksum; a changed row count fails the count", async () => {
    await expect(read(backupBytes(ROWS.replace("Zoë", "Zoe"), ROWS))).rejects.toThrow("The backup file is truncated or corrupt: the data of table users does not match its checksum.");
    await expect(read(backupBytes(ROWS.replace("\n2", "\t2")))).rejects.toThrow("The backup file is truncated or corrupt: table users holds 1 rows, its end record says 2 and the manifest 2.");
  });

  test("refuses a file that is not a backup, and bytes after the end record", async () => {
    await expect(read(Buffer.from("PGDMP\x01\x0e\x00"))).rejects.toThrow("The backup file is truncated or corrupt: it does not start with the Understory backup header.");
    await expect(read(Buffer.concat([backupBytes(), jsonFrame("E", { tables: 2 })]))).rejects.toThrow("there are records after the end record");
  });
});

describe("format helpers", () => {
  test("countRows counts newlines only: escaped ones inside values are two characters", () => {
    expect(countRows(Buffer.from(ROWS))).toBe(2);
    expect(countRows(Buffer.alloc(0))).toBe(0);
  });

  test("dataFrames cuts a large chunk into records of at most 1 MiB", () => {
    const frames = [...dataFrames(Buffer.alloc(MAX_DATA_FRAME * 2 + 5))];
    expect(frames.map((f) => f.readUInt32BE(1))).toEqual([MAX_DATA_FRAME, MAX_DATA_FRAME, 5]);
  });
});

describe("dependencyOrder", () => {
  test("puts referenced tables first, ties by name, and a cycle last", () => {
    const tables = ["links", "contributions", "users", "projects", "disputes", "a_cycle", "b_cycle"].map((name) => ({ name }));
    const edges = [
      { child: "links", parent: "contributions" }, { child: "contributions", parent: "projects" }, { child: "contributions", parent: "users" },
      { child: "disputes", parent: "links" }, { child: "disputes", parent: "users" }, { child: "a_cycle", parent: "b_cycle" }, { child: "b_cycle", parent: "a_cycle" },
    ];
    expect(dependencyOrder(tables, edges).map((t) => t.name)).toEqual(["projects", "users", "contributions", "links", "disputes", "a_cycle", "b_cycle"]);
  });
});
