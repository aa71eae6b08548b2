"use client";
// Upload form: the file goes as the raw body of one POST (streamed by the browser, stored by the
// server in a temporary file), with kind, format and source in the query. On success the page of
// the new import opens and follows its progress.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/form";

type FieldErrors = Record<string, string>;

function formatOf(name: string): "csv" | "jsonl" | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  return null;
}

export function ImportUploadForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const [format, setFormat] = useState<"csv" | "jsonl">("csv");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const errors: FieldErrors = {};
    if (!(file instanceof File) || file.size === 0) errors.file = file instanceof File && file.name ? "This file is empty" : "Choose a file";
    else if (file.size > maxBytes) errors.file = `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`;
    setFieldErrors(errors);
    setMessage(undefined);
    if (Object.keys(errors).length || !(file instanceof File)) return;
    const params = new URLSearchParams({
      kind: String(form.get("kind")), format: String(form.get("format")), source: String(form.get("source")), filename: file.name,
    });
    setPending(true);
    try {
      const res = await fetch(`/api/admin/imports?${params}`, { method: "POST", body: file, headers: { "content-type": "application/octet-stream" } });
      const body = (await res.json().catch(() => null)) as { id?: number; error?: { message: string; fieldErrors?: FieldErrors } } | null;
      if (res.status === 202 && body?.id) {
        router.push(`/admin/imports/${body.id}`);
        return;
      }
      setFieldErrors(body?.error?.fieldErrors ?? {});
      setMessage(body?.error?.message ?? `The upload failed (HTTP ${res.status}).`);
    } catch {
      setMessage("The upload did not reach the server. Check the connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="upload-heading" noValidate>
      <h2 id="upload-heading" className="text-base font-semibold">New import</h2>
      <FormMessage ok={false} message={message} />
      <Field id="file" label="File" error={fieldErrors.file} hint={`CSV or JSON Lines, up to ${Math.round(maxBytes / 1024 / 1024)} MB`}>
        <Input id="file" name="file" type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" error={fieldErrors.file}
          onChange={(e) => { const f = e.currentTarget.files?.[0]; const detected = f ? formatOf(f.name) : null; if (detected) setFormat(detected); }} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="kind" label="What the rows are" error={fieldErrors.kind}>
          <Select id="kind" name="kind" defaultValue="contributions" error={fieldErrors.kind}>
            <option value="contributions">Contributions</option>
            <option value="links">Links between contributions</option>
          </Select>
        </Field>
        <Field id="format" label="Format" error={fieldErrors.format}>
          <Select id="format" name="format" value={format} onChange={(e) => setFormat(e.currentTarget.value as "csv" | "jsonl")} error={fieldErrors.format}>
            <option value="csv">CSV</option>
            <option value="jsonl">JSON Lines</option>
          </Select>
        </Field>
      </div>
      <Field id="source" label="Source" error={fieldErrors.source}
        hint="Where the rows come from, e.g. github-acme. External ids are unique within a source; links name it to find their contributions.">
        <Input id="source" name="source" required maxLength={63} placeholder="github-acme" error={fieldErrors.source} />
      </Field>
      <Button type="submit" disabled={pending} aria-busy={pending}>{pending ? "Uploading…" : "Upload and import"}</Button>
    </form>
  );
}
