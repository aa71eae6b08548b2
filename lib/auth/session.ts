// The server-side entry to the current user: every page, action and handler starts here.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./config";
import { hasRole, loadActor, type Actor } from "./actor";

/**
 * The signed-in, active user, or null. Once per server render: the layout and the page both ask, and
 * each ask was a JWT decryption and two queries. React's cache() memoizes within one request only, so
 * a role change or a sign-out shows on the next request.
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as { uid?: number; sv?: number } | null;
  if (!session?.uid) return null;
  return loadActor(session.uid, session.sv ?? 0);
});

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
