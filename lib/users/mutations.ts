// Account creation. Sign-up always makes a contributor; roles change only through an admin.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { signUpSchema } from "@/lib/validation/auth";

/** One message for a taken email and a taken handle, so the form does not confirm which exists. */
const UNAVAILABLE = "That email address or handle is not available.";

export async function createAccount(raw: unknown): Promise<{ id: number }> {
  const input = parseOrThrow(signUpSchema, raw);
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const taken = await tx.user.findFirst({ where: { OR: [{ email: input.email }, { handle: input.handle }] }, select: { id: true } });
      if (taken) throw new AppError("conflict", UNAVAILABLE);
      const user = await tx.user.create({
        data: { email: input.email, handle: input.handle, name: input.name, passwordHash, role: "contributor" },
        select: { id: true, email: true, handle: true, name: true, role: true },
      });
      await recordAudit(tx, { actorId: user.id, action: "user.sign_up", entityType: "user", entityId: user.id, after: user });
      return { id: user.id };
    });
  } catch (e) {
    if ((e as { code?: string })?.code === "P2002") throw new AppError("conflict", UNAVAILABLE);
    throw e;
  }
}
