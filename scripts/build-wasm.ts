// npm run build:wasm: compiles the engine's hand-written WebAssembly kernels (lib/metrics/*.wat)
// into the TypeScript modules that embed their bytes. Run it after editing a .wat file.
import { writeFileSync } from "node:fs";
import { compileWat, kernelModuleSource } from "./lib/compile-wat";

export const KERNELS = [
  { wat: "lib/metrics/pagerank-kernel.wat", out: "lib/metrics/pagerank-kernel-wasm.ts", name: "PAGERANK_KERNEL_WASM" },
  { wat: "lib/metrics/betweenness-kernel.wat", out: "lib/metrics/betweenness-kernel-wasm.ts", name: "BETWEENNESS_KERNEL_WASM" },
];

for (const k of KERNELS) {
  const bytes = await compileWat(k.wat);
  writeFileSync(k.out, kernelModuleSource(k.wat, k.name, bytes));
  console.log(`${k.wat} → ${k.out} (${bytes.length} bytes)`);
}
