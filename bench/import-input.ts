// The import benchmark's input, generated deterministically (seeded PRNG, fixed dates): a CSV of
// contributions in the documented format (docs/import-format.md) and a CSV of links between
// them. Rows are in time order (one every ~95 s over three years), each row's authors drawn
// from a pool of people (1 to 3 authors with shares), about one title in ten quoted (a comma
// inside), some with a URL or a multi-line description; every link points from a row to an
// earlier one, so the DAG rule holds. Written once per size and kept: the same bytes every run.
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { once } from "node:events";
import { seededRandom } from "@/lib/metrics/betweenness";

export const IMPORT_PROJECTS = ["bench-ocean", "bench-forest", "bench-river", "bench-desert", "bench-tundra", "bench-reef", "bench-delta", "bench-steppe"];
const KINDS = ["data", "model", "code", "review", "documentation", "research", "coordination", "support", "other"];
const START_MS = Date.UTC(2023, 0, 2);
const STEP_MS = 95_000;
/** a link's target is among the WINDOW rows before it */
const WINDOW = 5000;

export interface ImportInput {
  contributionsCsv: string;
  linksCsv: string;
  rows: number;
  links: number;
  people: number;
}


async function writeLines(file: string, lines: (write: (s: string) => Promise<void>) => Promise<void>): Promise<void> {
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  let buffer = "";
  const write = async (s: string) => {
    buffer += s;
    if (buffer.length >= 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  };
  await lines(write);
  out.end(buffer);
  await once(out, "finish");
  renameSync(tmp, file);
}

const person = (k: number) => `Person ${k} <person${k}@bench.example>`;

/** Writes (or reuses) the input for `rows` contributions under dir; people scale with rows (1 per 10). */
export async function ensureImportInput(dir: string, rows: number): Promise<ImportInput> {
  mkdirSync(dir, { recursive: true });
  const people = Math.max(10, Math.round(rows / 10));
  const contributionsCsv = `${dir}/contributions-${rows}.csv`;
  const linksCsv = `${dir}/links-${rows}.csv`;
  const links = rows - 1;
  if (!existsSync(contributionsCsv)) {
    const rand = seededRandom(1);
    await writeLines(contributionsCsv, async (write) => {
      await write("external_id,project,title,kind,occurred_at,authors,url,description,status\n");
      for (let i = 0; i < rows; i++) {
        const at = new Date(START_MS + i * STEP_MS).toISOString();
        const project = IMPORT_PROJECTS[Math.floor(rand() * IMPORT_PROJECTS.length)];
        const kind = KINDS[Math.floor(rand() * KINDS.length)];
        const title = rand() < 0.1 ? `"Contribution ${i}, revised"` : `Contribution ${i} to ${project}`;
        const a = Math.floor(rand() * people);
        const r = rand();
        const authors = r < 0.6 ? person(a)
          : r < 0.9 ? `"${person(a)}=0.6; ${person((a + 1 + Math.floor(rand() * (people - 1))) % people)}=0.4"`
          : `"${person(a)}=0.5; ${person((a + 1) % people)}=0.25; ${person((a + 2) % people)}=0.25"`;
        const url = rand() < 0.5 ? `https://example.org/c/${i}` : "";
        const description = rand() < 0.05 ? `"Notes on ${i}:\nfirst line, and ""quoted"" words"` : "";
        const status = rand() < 0.7 ? "accepted" : "unreviewed";
        await write(`c${i},${project},${title},${kind},${at},${authors},${url},${description},${status}\n`);
      }
    });
  }
  if (!existsSync(linksCsv)) {
    const rand = seededRandom(2);
    await writeLines(linksCsv, async (write) => {
      await write("from,to,type\n");
      for (let i = 1; i < rows; i++) {
        const j = i - 1 - Math.floor(rand() * Math.min(i, WINDOW));
        await write(`c${i},c${j},${rand() < 0.8 ? "builds_on" : "cites"}\n`);
      }
    });
  }
  return { contributionsCsv, linksCsv, rows, links, people };
}
