import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/session";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await getSessionActor()) redirect("/contributions");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-8 text-center">
        <p className="text-2xl font-semibold tracking-tight text-moss-900">Understory</p>
        <p className="mt-1 text-sm text-stone-600">Is the human layer under your network still alive?</p>
      </div>
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
