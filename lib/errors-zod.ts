import { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/common";

/** Parses or throws an AppError("invalid_input") carrying one message per field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", "Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  return parsed.data;
}
