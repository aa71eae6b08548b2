import { z } from "zod";
import { LinkType } from "@/lib/generated/prisma/enums";
import { idSchema, text } from "./common";

export const createLinkSchema = z.object({
  fromId: idSchema,
  toId: idSchema,
  type: z.enum(LinkType, { error: "Choose how it relates: builds on, cites, reviews or fixes" }),
  note: text(500),
});

export const linkIdSchema = z.object({ linkId: idSchema });

export const disputeLinkSchema = z.object({
  linkId: idSchema,
  reason: text(2000).pipe(z.string().min(10, "Say why in at least 10 characters")),
});

export const pickerQuerySchema = z.object({
  fromId: idSchema,
  q: z.string().trim().max(200),
});
