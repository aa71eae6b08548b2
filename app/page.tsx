import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";

export default async function Home() {
  await requirePageActor();
  redirect("/contributions");
}
