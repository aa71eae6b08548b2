"use client";
import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";

const VARIANTS = {
  primary: "bg-moss-700 text-white hover:bg-moss-900",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
} as const;

export function Button({ variant = "primary", className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return (
    <button
      {...rest}
      className={`inline-flex items-center justify-center rounded-md px-3 py-2 text-sm font-medium disabled:opacity-60 ${VARIANTS[variant]} ${className ?? ""}`}
    />
  );
}

/** A submit button that shows it is working while its form is pending. */
export function SubmitButton({ pendingLabel, children, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS; pendingLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-busy={pending} {...rest}>
      {pending ? (pendingLabel ?? "Saving…") : children}
    </Button>
  );
}
