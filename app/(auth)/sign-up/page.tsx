import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Create an account</h1>
      <SignUpForm />
      <p className="mt-4 text-sm text-stone-600">
        Already have one? <Link className="text-moss-700 underline" href="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
