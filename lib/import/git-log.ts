// `git log` of a local repository as a stream of commits, oldest first. Identities come from
// %aE/%aN, which apply the repository's .mailmap; file names from --name-only (quotePath off, so
// non-ASCII names arrive as they are). Only git holds the history in memory, never this process.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { AppError } from "@/lib/errors";

export interface GitCommit {
  /** 1-based position in the log, oldest first: the "line" of its report entries */
  ordinal: number;
  hash: string;
  email: string;
  name: string;
  /** author date */
  authoredAt: Date;
  subject: string;
  files: string[];
}

const RS = "\x1e";
const US = "\x1f";
const FORMAT = `${RS}%H${US}%aE${US}%aN${US}%aI${US}%s`;

function git(repoPath: string, args: string[]) {
  return spawn("git", ["-C", repoPath, "-c", "core.quotePath=false", ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

async function gitOutput(repoPath: string, args: string[]): Promise<string> {
  const child = git(repoPath, args);
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const code = await new Promise<number | null>((resolve, reject) => child.on("error", reject).on("close", resolve));
  if (code !== 0) throw new AppError("invalid_input", `Not a git repository with commits: ${repoPath} (${err.trim().split("\n")[0] || `git exited with ${code}`})`);
  return out;
}

/** The number of commits `readGitLog` will yield (for the progress bar). */
export async function countCommits(repoPath: string): Promise<number> {
  return Number((await gitOutput(repoPath, ["rev-list", "--count", "HEAD"])).trim());
}

export async function* readGitLog(repoPath: string): AsyncGenerator<GitCommit> {
  const child = git(repoPath, ["log", "--use-mailmap", "--reverse", "--name-only", `--format=${FORMAT}`, "HEAD"]);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d.slice(0, 2000)));
  const exited = new Promise<number | null>((resolve, reject) => child.on("error", reject).on("close", resolve));
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  let current: GitCommit | null = null;
  let ordinal = 0;
  try {
    for await (const line of lines) {
      if (line.startsWith(RS)) {
        if (current) yield current;
        const [hash, email, name, date, subject] = line.slice(1).split(US);
        current = { ordinal: ++ordinal, hash, email: email.trim().toLowerCase(), name: name.trim(), authoredAt: new Date(date), subject: subject ?? "", files: [] };
      } else if (line !== "" && current) current.files.push(line);
    }
    if (current) yield current;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code !== 0 && code !== null) throw new AppError("invalid_input", `git log failed: ${stderr.trim().split("\n")[0]}`);
}
