import { requirePageActor } from "@/lib/auth/session";
import { countLinksAwaitingMe } from "@/lib/links/queries";
import { AppNav } from "@/components/layout/app-nav";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const awaiting = await countLinksAwaitingMe(actor);
  return (
    <div className="min-h-screen">
      <AppNav handle={actor.handle} name={actor.name} role={actor.role} awaiting={awaiting} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
