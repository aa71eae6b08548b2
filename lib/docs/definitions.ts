// The metric definitions page's content: docs/metrics.md from the repository (CI builds from a
// clean clone, so it must be the repo's copy), rendered once per process in production.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { definitionHeadingId } from "@/components/charts/definition-anchors";
import { env } from "@/lib/env";
import { renderMarkdown, type RenderedMarkdown } from "./markdown";

export const METRICS_DOC_PATH = path.join("docs", "metrics.md");

let cached: Promise<RenderedMarkdown> | null = null;

/** The rendered definitions; in development the file is re-read on every call so edits show up. */
export function getMetricDefinitions(): Promise<RenderedMarkdown> {
  if (cached && env().NODE_ENV === "production") return cached;
  const loading = readFile(path.join(process.cwd(), METRICS_DOC_PATH), "utf8").then((source) =>
    renderMarkdown(source, { headingId: definitionHeadingId }),
  );
  // A failed read is not cached: the next request tries again.
  cached = loading.catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
