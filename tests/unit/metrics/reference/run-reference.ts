// Runs a networkx reference script on a JSON input and parses its JSON output. A missing python3 or
// networkx fails the test (it never skips): the comparison is part of the metric's definition.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const INSTALL_HINT = "python3 with networkx is required for this test: apt-get install -y python3-networkx";

/** Throws with an install hint unless `python3 -c "import networkx"` works. */
export function requireNetworkx(): void {
  const r = spawnSync("python3", ["-c", "import networkx"], { encoding: "utf8" });
  if (r.error || r.status !== 0) throw new Error(`${INSTALL_HINT}\n${r.error?.message ?? r.stderr}`);
}

export function runReference(script: string, input: unknown): unknown {
  const dir = mkdtempSync(join(tmpdir(), "understory-ref-"));
  try {
    const file = join(dir, "input.json");
    writeFileSync(file, JSON.stringify(input));
    const path = fileURLToPath(new URL(script, import.meta.url));
    const r = spawnSync("python3", [path, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.error || /No module named .?networkx/.test(r.stderr)) throw new Error(`${INSTALL_HINT}\n${r.error?.message ?? r.stderr}`);
    if (r.status !== 0) throw new Error(`${script} failed:\n${r.stderr}`);
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
