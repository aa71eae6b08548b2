import { defineEndpoint } from "../endpoint";
import { idParamsSchema } from "../schemas/common";
import { disputeResolvedSchema, resolveDisputeBodySchema } from "../schemas/disputes";

export const resolveDisputeEndpoint = defineEndpoint({
  operationId: "resolveDispute", method: "POST", path: "/disputes/{id}/resolution", tag: "Disputes", scope: "write", status: 200,
  summary: "Resolve a dispute",
  description: "The disputed work's project maintainers and admins, never the one who raised it. Upholding a link dispute removes or retypes the link; rejecting restores it.",
  params: idParamsSchema, body: resolveDisputeBodySchema, response: disputeResolvedSchema,
});
