// The server-side entry to the current user: every page, action and handler starts here.
import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./config";
import { hasRole, loadActor, type Actor } from "./actor";

/** The signed-in, active user, or null. */
export async function getSessionActor(): Promise<Actor | null> {
  const session = (await auth()) as { uid?: number; sv?: number } | null;
  if (!session?.uid) return null;
  return loadActor(session.uid, session.sv ?? 0);
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For pages: a user with at least `role`; others get the not-found page (no hint it exists). */
export async function requirePageRole(role: Role): Promise<Actor> {
  const actor = await requirePageActor();
  if (!hasRole(actor, role)) notFound();
  return actor;
}
