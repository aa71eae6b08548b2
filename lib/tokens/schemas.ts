import { z } from "zod";
import { idSchema, requiredText } from "@/lib/validation/common";
import { TOKEN_SCOPES } from "./scopes";

/** At most this many live (unrevoked) tokens per person: enough for every tool, few enough to review. */
export const MAX_ACTIVE_TOKENS = 20;

/** From the form, scopes arrive as one string or several; from code, as an array. */
export const createTokenSchema = z.object({
  name: requiredText(80, "Name"),
  scopes: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(TOKEN_SCOPES, { error: "Unknown scope" })).min(1, "Choose at least one scope").max(TOKEN_SCOPES.length),
  ).transform((s) => [...new Set(s)].sort((a, b) => TOKEN_SCOPES.indexOf(a) - TOKEN_SCOPES.indexOf(b))),
});

export const revokeTokenSchema = z.object({ tokenId: idSchema });
