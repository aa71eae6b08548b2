import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      <SignInForm next={typeof next === "string" ? next : ""} />
      <p className="mt-4 text-sm text-stone-600">
        New here? <Link className="text-moss-700 underline" href="/sign-up">Create an account</Link>
      </p>
    </>
  );
}
