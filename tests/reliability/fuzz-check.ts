// What every fuzz case must satisfy, whatever the entry point: no server error, a refusal that
// says something a person can read, and the database changed all or nothing. A tally per family
// of entry points keeps the counts and the first offending cases for the failure message.
import { everyTableCount } from "../integration/authz/table-counts";

export type Counts = Record<string, number>;

/** Tables an accepted call may change as its own bookkeeping, beside the rows it writes and audits. */
const BOOKKEEPING = new Set(["audit_events", "idempotency_keys", "jobs", "import_batches"]);

/** Why a message would not help a person, or null when it reads well. */
export function unclearMessage(message: unknown): string | null {
  if (typeof message !== "string") return "no message";
  const m = message.trim();
  if (m.length < 5) return `too short: ${JSON.stringify(m)}`;
  if (m.length > 2000) return `too long (${m.length} characters): it echoes the input`;
  if (!/\p{L}{3,}/u.test(m)) return `no words: ${JSON.stringify(m.slice(0, 80))}`;
  if (/\n\s+at\s|prisma|\[object Object\]|undefined|invalid input syntax|violates|ECONN|Something went wrong/i.test(m)) return `internal text: ${JSON.stringify(m.slice(0, 200))}`;
  return null;
}

export function changedTables(before: Counts, after: Counts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of Object.keys(after)) if (after[t] !== before[t]) out[t] = after[t] - (before[t] ?? 0);
  return out;
}

export type Outcome =
  | { kind: "accepted" }
  | { kind: "refused"; message: unknown; code?: unknown }
  /** a 5xx, a thrown error, or an action's unknown error turned into the generic message */
  | { kind: "serverError"; detail: string };

export class FuzzTally {
  cases = 0;
  accepted = 0;
  refused = 0;
  serverErrors = 0;
  partialWrites = 0;
  unclearRefusals = 0;
  readonly problems: string[] = [];

  /** the counts after the last case: the next case starts from them unless something else wrote since */
  private last: Counts | null = null;

  constructor(readonly family: string, readonly needsCode: boolean) {}

  /** Call after writing outside a case (a fresh target): the next case counts afresh. */
  invalidate(): void {
    this.last = null;
  }

  private note(problem: string) {
    if (this.problems.length < 20) this.problems.push(problem);
  }

  /** Runs one case between two counts of every table and checks its outcome against the rules above. */
  async check(label: string, input: () => string, run: () => Promise<Outcome>): Promise<Outcome> {
    const before = this.last ?? (await everyTableCount());
    const t0 = performance.now();
    const outcome = await run();
    if (process.env.FUZZ_SLOW_MS && performance.now() - t0 > Number(process.env.FUZZ_SLOW_MS)) console.log(`slow case ${Math.round(performance.now() - t0)} ms: ${label} ← ${input().slice(0, 200)}`);
    const after = await everyTableCount();
    this.last = after;
    const changed = changedTables(before, after);
    this.cases++;
    const where = () => `${label} ← ${input().slice(0, 300)}`;
    if (outcome.kind === "serverError") {
      this.serverErrors++;
      this.note(`server error: ${outcome.detail.slice(0, 300)} at ${where()}`);
    } else if (outcome.kind === "refused") {
      this.refused++;
      const why = unclearMessage(outcome.message) ?? (this.needsCode && (typeof outcome.code !== "string" || !outcome.code) ? "no code" : null);
      if (why) {
        this.unclearRefusals++;
        this.note(`unclear refusal (${why}) at ${where()}`);
      }
      if (Object.keys(changed).length) {
        this.partialWrites++;
        this.note(`refused but wrote ${JSON.stringify(changed)} at ${where()}`);
      }
    } else {
      this.accepted++;
      const written = Object.keys(changed).filter((t) => !BOOKKEEPING.has(t));
      if (written.length && !(changed.audit_events > 0)) {
        this.partialWrites++;
        this.note(`accepted, wrote ${JSON.stringify(changed)} without an audit event at ${where()}`);
      }
    }
    return outcome;
  }
}

/** Renders an input for a failure message: long strings shortened, lone surrogates visible. */
export function show(value: unknown): string {
  const seen = (v: unknown): unknown => {
    if (typeof v === "string") return v.length > 60 ? `${v.slice(0, 20)}…(${v.length} chars)` : v;
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (Array.isArray(v)) return v.map(seen);
    if (v && typeof v === "object" && !(v instanceof Blob)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, seen(x)]));
    if (v instanceof Blob) return `Blob(${v.size})`;
    return v;
  };
  return JSON.stringify(seen(value)) ?? String(value);
}
