// Has the saved parameter set reached the stored metrics? A run applies a set when it started
// after the set last changed (the job reads the parameters as it starts). Runs record the
// ecosystem hash only, so for the ecosystem the hash must match as well.
export type ApplyStatus = "applied" | "running" | "queued" | "pending" | "no_run";

export interface ApplyStatusInput {
  /** when this scope's parameters last changed; null: never changed here */
  changedAt: Date | null;
  /** the ecosystem set's hash, when the scope is the ecosystem */
  ecosystemHash: string | null;
  lastRun: { paramsHash: string; startedAt: Date | null } | null;
  running: { startedAt: Date | null } | null;
  queued: boolean;
}

export function applyStatus(s: ApplyStatusInput): ApplyStatus {
  const after = (d: Date | null) => s.changedAt === null || (d !== null && d.getTime() >= s.changedAt.getTime());
  const hashOk = s.ecosystemHash === null || s.lastRun?.paramsHash === s.ecosystemHash;
  if (s.lastRun && after(s.lastRun.startedAt) && hashOk) return "applied";
  if (s.running && after(s.running.startedAt)) return "running";
  if (s.queued) return "queued";
  return s.lastRun ? "pending" : "no_run";
}
