// Client-safe: the starting state of every action form (result.ts imports server-only code).
import type { ActionResult } from "./result";

export const INITIAL_RESULT: ActionResult = { ok: false };
