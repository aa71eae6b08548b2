// npx tsx scripts/import-git-make-repo.ts <new folder> [--commits N] [--authors N] [--files N]
// Writes a synthetic git repository with `git fast-import` (seconds for 100k commits), for
// measuring `npm run import:git` on a large history. Deterministic: the same arguments give the
// same repository.
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { commits: { type: "string", default: "100000" }, authors: { type: "string", default: "300" }, files: { type: "string", default: "5000" } },
});
const dir = positionals[0];
if (!dir || existsSync(dir)) {
  console.error("usage: npx tsx scripts/import-git-make-repo.ts <new folder> [--commits N] [--authors N] [--files N]");
  process.exit(2);
}
const commits = Number(values.commits);
const authors = Number(values.authors);
const files = Number(values.files);

let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const START = Date.UTC(2022, 0, 1) / 1000;

execFileSync("git", ["init", "-q", "-b", "main", dir]);
const child = spawn("git", ["-C", dir, "fast-import", "--quiet"], { stdio: ["pipe", "inherit", "inherit"] });
const write = (s: string) => (child.stdin.write(s) ? Promise.resolve() : new Promise<void>((r) => child.stdin.once("drain", () => r())));
const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;

const t0 = performance.now();
for (let i = 0; i < commits; i++) {
  // A few busy people and many occasional ones, as in real projects; files cluster the same way.
  const a = Math.floor(authors * rand() ** 2);
  const when = START + i * 600;
  let block = `commit refs/heads/main\nmark :${i + 1}\nauthor Dev ${a} <dev${a}@example.org> ${when} +0000\ncommitter Dev ${a} <dev${a}@example.org> ${when} +0000\n${data(`Change ${i + 1}`)}`;
  const touched = 1 + Math.floor(rand() * 3);
  for (let k = 0; k < touched; k++) {
    const f = Math.floor(files * rand() ** 2);
    block += `M 100644 inline src/module-${f % 100}/file-${f}.ts\n${data(`// ${i}\n`)}`;
  }
  await write(block);
}
child.stdin.end();
const code = await new Promise<number | null>((r) => child.on("close", r));
if (code !== 0) process.exit(1);
execFileSync("git", ["-C", dir, "reset", "-q", "--hard", "main"]);
console.log(`${commits.toLocaleString("en-US")} commits by ${authors} authors over ${files} files in ${dir} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
