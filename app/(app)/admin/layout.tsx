import { requirePageRole } from "@/lib/auth/session";
import { AdminNav } from "@/components/admin/admin-nav";

/** The admin area: admins only (others get the not-found page), with the sections' navigation. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole("admin");
  return (
    <div className="space-y-5">
      <AdminNav />
      {children}
    </div>
  );
}
