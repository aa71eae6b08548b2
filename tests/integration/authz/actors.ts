// Who knocks, and what each may get back. The people are cast around one target (see world.ts):
// the contributor authored the work being acted on, in project "alpha" that the maintainer
// maintains; the other maintainer maintains "beta" only.
export const PEOPLE = ["contributor", "otherContributor", "otherMaintainer", "maintainer", "admin"] as const;
export type Person = (typeof PEOPLE)[number];

export const ACTORS = ["anonymous", ...PEOPLE, "revokedToken", "wrongScopeToken"] as const;
export type ActorName = (typeof ACTORS)[number];

/**
 * 200/201/202/204 allowed; 400 and 409 also mean the guard let the caller through (the input or
 * the state refused it afterwards, noted where the table expects one); 401 not signed in (pages:
 * redirected to /sign-in); 403 forbidden; 404 hidden (pages call notFound(), resources that are
 * someone else's answer "no such …").
 */
export type Status = 200 | 201 | 202 | 204 | 400 | 401 | 403 | 404 | 409;
export const REFUSED: readonly Status[] = [401, 403, 404];

/** The column headers of the printed matrix. */
export const SHORT: Record<ActorName, string> = {
  anonymous: "anon", contributor: "contrib", otherContributor: "other", otherMaintainer: "oMaint",
  maintainer: "maint", admin: "admin", revokedToken: "revoked", wrongScopeToken: "scope",
};
