// Finds a Python interpreter per library the benchmarks compare with. Debian's packages install
// into /usr/bin/python3, which need not be the first python3 on PATH (pyenv, a venv), so each
// library gets the first interpreter that imports it together with numpy.
import { spawnSync } from "node:child_process";

const CANDIDATES = ["python3", "/usr/bin/python3"];
const LIBS = { scipy: "scipy", igraph: "igraph", networkx: "networkx" } as const;
const HINTS: Record<keyof typeof LIBS, string> = {
  scipy: "not installed: apt-get install -y python3-scipy",
  igraph: "not installed: apt-get update && apt-get install -y python3-igraph python3-numpy",
  networkx: "not installed: apt-get install -y python3-networkx",
};

export type Python = Record<keyof typeof LIBS, string | null> & { hint: Record<keyof typeof LIBS, string> };

export function findPython(): Python {
  const found = { hint: HINTS } as Python;
  for (const lib of Object.keys(LIBS) as (keyof typeof LIBS)[]) {
    found[lib] = CANDIDATES.find((exe) => spawnSync(exe, ["-c", `import numpy, ${LIBS[lib]}`], { stdio: "ignore" }).status === 0) ?? null;
    if (found[lib] === null) console.log(`${lib}: ${HINTS[lib]} (carrying on without it)`);
  }
  return found;
}
