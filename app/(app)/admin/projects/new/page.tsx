import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { ProjectForm } from "@/components/admin/projects/project-form";

export const metadata: Metadata = { title: "New project · Admin" };

export default async function NewProjectPage() {
  await requirePageRole("admin");
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/admin/projects" className="text-sm text-moss-700 underline">← Projects</Link>
      <h1 className="text-xl font-semibold">New project</h1>
      <div className="rounded-lg border border-stone-200 bg-white p-4">
        <ProjectForm initial={{ slug: "", name: "", kind: "", description: "" }} />
      </div>
    </div>
  );
}
