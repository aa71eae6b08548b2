// The per-row report of an import: every refused row counts, the first MAX_STORED are kept (with
// their line number and reason) on the import_batches row and printed by the CLI.

export const MAX_STORED_ERRORS = 1000;

export interface RowError {
  line: number;
  reason: string;
  /** a machine-readable kind for callers that treat some refusals differently (git: "forward") */
  code?: string;
}

export class ErrorReport {
  readonly stored: { line: number; reason: string }[] = [];
  count = 0;

  add(error: RowError): void {
    this.count++;
    if (this.stored.length < MAX_STORED_ERRORS) this.stored.push({ line: error.line, reason: error.reason });
  }

  /** Errors arrive per batch, from the validator and from the loader: kept sorted by line. */
  sort(): void {
    this.stored.sort((a, b) => a.line - b.line);
  }
}
