// Incentive campaigns at the boundary: the form (and the REST API) send a name, a kind, a project
// or "ecosystem", and a [start, end) window in UTC. The engine reads the window half-open
// (lib/metrics/acquisition.ts), so an end equal to the start would be an empty campaign.
import { z } from "zod";
import { CampaignKind } from "@/lib/generated/prisma/enums";
import { idSchema, requiredText } from "./common";

export const CAMPAIGN_KINDS = Object.values(CampaignKind);
export const CAMPAIGN_NAME_MIN = 3;
export const CAMPAIGN_NAME_MAX = 120;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** A bare date or a datetime-local value, read as UTC so that every viewer sees the same window. */
const utcInstant = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .transform((s, ctx) => {
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(s) ? `${s}Z` : s;
      const ms = /^\d{4}-\d{2}-\d{2}/.test(iso) ? Date.parse(iso) : Number.NaN;
      if (!Number.isFinite(ms)) {
        ctx.addIssue({ code: "custom", message: `${label}: not a valid date` });
        return z.NEVER;
      }
      if (ms < EARLIEST || ms >= LATEST) {
        ctx.addIssue({ code: "custom", message: `${label} must be between 2000 and 2099` });
        return z.NEVER;
      }
      return new Date(ms);
    });

/** "ecosystem" (or null, from the API) is a campaign across every project; anything else must be a
 * project id. An empty choice is refused, never read as the ecosystem. */
export const campaignScopeSchema = z.unknown().transform((v, ctx) => {
  if (v === "ecosystem" || v === null) return null;
  const id = idSchema.safeParse(v);
  if (v === "" || v === undefined || !id.success) {
    ctx.addIssue({ code: "custom", message: "Choose a project or the whole ecosystem" });
    return z.NEVER;
  }
  return id.data;
});

const windowSchema = z.object({ startAt: utcInstant("Start"), endAt: utcInstant("End") });

export const campaignFieldsSchema = z
  .object({
    name: requiredText(CAMPAIGN_NAME_MAX, "Name").pipe(z.string().min(CAMPAIGN_NAME_MIN, `At least ${CAMPAIGN_NAME_MIN} characters`)),
    kind: z.enum(CampaignKind, { error: `Choose a kind: ${CAMPAIGN_KINDS.join(", ")}` }),
    projectId: campaignScopeSchema,
    ...windowSchema.shape,
  })
  .refine((c) => c.endAt.getTime() > c.startAt.getTime(), {
    path: ["endAt"],
    message: "The end must be after the start",
    // Checked whenever both dates are valid, even if another field is refused, so every message shows at once.
    when: (payload) => {
      const v = payload.value as { startAt?: unknown; endAt?: unknown } | undefined;
      return v?.startAt instanceof Date && v.endAt instanceof Date;
    },
  });

export type CampaignFields = z.output<typeof campaignFieldsSchema>;

export const campaignUpdateSchema = z.intersection(z.object({ id: idSchema }), campaignFieldsSchema);

export const CAMPAIGN_STATES = ["upcoming", "running", "ended"] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** The list's filters in the URL; anything malformed falls back to "all". */
export const campaignListQuerySchema = z.object({
  state: z.enum(CAMPAIGN_STATES).optional().catch(undefined),
  project: z.union([z.literal("ecosystem"), idSchema]).optional().catch(undefined),
});
export type CampaignListQuery = z.output<typeof campaignListQuerySchema>;
