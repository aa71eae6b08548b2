import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { getMetricDefinitions } from "@/lib/docs/definitions";
import { DefinitionsArticle } from "@/components/definitions/definitions-article";

export const metadata: Metadata = { title: "Definitions" };

// Signed-in users only: the (app) layout already requires a session; the page checks too, as
// every page does, so it stays private if it is ever moved out of the group.
export default async function DefinitionsPage() {
  await requirePageActor();
  const doc = await getMetricDefinitions();
  return <DefinitionsArticle doc={doc} />;
}
