// Form primitives: every input has a visible label and, when refused, its message right below it,
// tied to the input with aria-describedby so screen readers read it too.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const control =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-moss-600 focus:outline-none focus:ring-1 focus:ring-moss-600 aria-[invalid=true]:border-red-600";

export function Field(props: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={props.id} className="block text-sm font-medium text-stone-800">
        {props.label}
      </label>
      {props.children}
      {props.hint && !props.error && <p id={`${props.id}-hint`} className="text-xs text-stone-500">{props.hint}</p>}
      {props.error && (
        <p id={`${props.id}-error`} className="text-sm text-red-700" data-testid={`error-${props.id}`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

type Described = { error?: string };
const describedBy = (id: string | undefined, error?: string) => (error && id ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {});

export function Input({ error, className, ...rest }: InputHTMLAttributes<HTMLInputElement> & Described) {
  return <input {...rest} {...describedBy(rest.id, error)} className={`${control} ${className ?? ""}`} />;
}

export function Select({ error, className, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & Described) {
  return (
    <select {...rest} {...describedBy(rest.id, error)} className={`${control} ${className ?? ""}`}>
      {children}
    </select>
  );
}

export function Textarea({ error, className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & Described) {
  return <textarea {...rest} {...describedBy(rest.id, error)} className={`${control} ${className ?? ""}`} />;
}

export function FormMessage({ ok, message }: { ok: boolean; message?: string }) {
  if (!message) return null;
  return (
    <p
      role="status"
      data-testid="form-message"
      className={`rounded-md px-3 py-2 text-sm ${ok ? "bg-moss-50 text-moss-900" : "bg-red-50 text-red-800"}`}
    >
      {message}
    </p>
  );
}
