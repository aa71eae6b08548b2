// Child processes started directly (never through npx) so that signals reach them and nothing
// outlives `npm start` (STACK.md pitfall 7).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

export function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, args, { stdio: "inherit", env });
}

export function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
