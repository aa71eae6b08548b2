"use server";
// The stress lab's form entry point: the session is resolved on the server, and run-stress.ts
// checks the role and scope before anything is read. Nothing to revalidate: a run writes nothing.
import { getSessionActor } from "@/lib/auth/session";
import { formToObject } from "@/lib/validation/common";
import { runStress } from "./run-stress";
import type { StressActionResult } from "./types";

export async function runStressAction(_prev: StressActionResult, form: FormData): Promise<StressActionResult> {
  return runStress(getSessionActor(), formToObject(form));
}
