// Calling a server action in a fuzz case: the matrix's driver prepares a fresh target and builds
// the form a browser would post; captureForm keeps that form's fields so each case can bend them.
// callAction turns whatever the action did into an Outcome for fuzz-check.ts.
import type { ActionDriver } from "../integration/authz/drivers-actions";
import { RedirectSignal } from "../integration/authz/session";
import type { World } from "../integration/authz/world";
import type { Outcome } from "./fuzz-check";

/** Set by the test's runAction wrapper when an action failed on something other than an AppError. */
export const unknownActionError = { error: null as unknown };

export type ActionCall = () => Promise<unknown>;

/**
 * Runs the driver and returns its call with the fields of the FormData it built (null when the
 * action takes plain arguments). The driver builds the form with the global FormData: a subclass
 * that notes each instance stands in for it while the driver runs.
 */
export async function captureForm(driver: ActionDriver, w: World): Promise<{ call: ActionCall; base: [string, string][] | null }> {
  const Real = globalThis.FormData;
  const made: FormData[] = [];
  globalThis.FormData = class extends Real {
    constructor(...args: ConstructorParameters<typeof Real>) {
      super(...args);
      made.push(this);
    }
  } as typeof FormData;
  try {
    const call = await driver(w);
    const form = made.at(-1);
    return { call, base: form ? [...form.entries()].map(([k, v]) => [k, String(v)]) : null };
  } finally {
    globalThis.FormData = Real;
  }
}

export async function callAction(call: ActionCall): Promise<Outcome> {
  unknownActionError.error = null;
  let result: unknown;
  try {
    result = await call();
  } catch (e) {
    if (e instanceof RedirectSignal) return { kind: "accepted" };
    return { kind: "serverError", detail: `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
  }
  if (unknownActionError.error) {
    const e = unknownActionError.error as Error;
    return { kind: "serverError", detail: `unknown error behind the generic message: ${e?.name}: ${e?.message}` };
  }
  // The link picker answers with a list (empty when it refuses).
  if (Array.isArray(result)) return { kind: "accepted" };
  if (result && typeof result === "object" && "ok" in result) {
    const r = result as { ok: boolean; message?: unknown; error?: unknown };
    return r.ok ? { kind: "accepted" } : { kind: "refused", message: r.message ?? r.error };
  }
  return { kind: "serverError", detail: `returned ${JSON.stringify(result)}` };
}
