import Link from "next/link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request, never prerendered: a static page's scripts could not carry the CSP nonce
  // (proxy.ts), so Chromium would refuse them on an unknown URL.
  await connection();
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-stone-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/contributions" className="mt-4 inline-block text-moss-700 underline">Back to my contributions</Link>
    </main>
  );
}
