// Database refusals that reach the database despite the checks before them (races between
// concurrent requests) become clear 4xx errors instead of 500s.
import { AppError } from "@/lib/errors";

const CONSTRAINT_MESSAGES: Record<string, string> = {
  links_backward_in_time: "A link must point to earlier work: the target happened after this contribution.",
  links_no_self: "A contribution cannot link to itself.",
  links_from_id_to_id_type_key: "This link already exists.",
  users_email_key: "That email address or handle is not available.",
  users_handle_key: "That email address or handle is not available.",
  contributions_source_external_id_key: "A contribution with this external id was already imported.",
};

function findConstraint(e: unknown): string | null {
  const text = JSON.stringify(e, Object.getOwnPropertyNames(e ?? {})) ?? "";
  for (const name of Object.keys(CONSTRAINT_MESSAGES)) if (text.includes(name)) return name;
  return null;
}

/** Rethrows known constraint violations as AppError("conflict"); anything else unchanged. */
export function rethrowDbError(e: unknown): never {
  if (e instanceof AppError) throw e;
  const code = (e as { code?: string })?.code;
  const constraint = findConstraint(e);
  if (constraint) throw new AppError("conflict", CONSTRAINT_MESSAGES[constraint]);
  if (code === "P2002") throw new AppError("conflict", "This already exists.");
  if (code === "P2034") throw new AppError("conflict", "Someone else changed this at the same time; please try again.");
  throw e;
}
