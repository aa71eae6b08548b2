// Fragments every API schema shares: ids, instants, the list envelope and the error body.
import { z } from "zod";
import { API_ERROR_CODES } from "../errors";

export const MAX_LIMIT = 100;

export const apiId = z.number().int().min(1).max(2_147_483_647);
/** An id in a query string or path segment */
export const queryId = z.coerce.number().int().min(1).max(2_147_483_647);
export const instant = z.iso.datetime({ offset: true });
export const handleQuery = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{1,38}$/, "Not a valid handle");

export const idParamsSchema = z.strictObject({ id: queryId.describe("the resource's id") });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(25).describe(`page size, 1–${MAX_LIMIT}`),
  cursor: z.string().max(200).optional().describe("the nextCursor of the previous page; omit for the first page"),
};

const booleanWord = z.enum(["true", "false"]);
const toBoolean = (v: "true" | "false") => v === "true";
export const booleanQuery = booleanWord.transform(toBoolean);
/** A true/false query parameter with a default, documented as the word the client sends. */
export const booleanQueryDefault = (value: boolean) => booleanWord.default(value ? "true" : "false").transform(toBoolean);

export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    data: z.array(item),
    nextCursor: z.string().nullable().describe("pass as ?cursor= for the next page; null on the last page"),
  });
}

export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().describe("one message per invalid field, keyed by its dotted path"),
    requestId: z.string(),
  }),
});
