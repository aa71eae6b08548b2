"use client";
// The page shown when a page fails on the server, most often because the database is restarting
// (the API answers 503 then: lib/db-unavailable.ts). It says so plainly and retries by itself, so a
// visitor who waits sees the page come back without doing anything.
import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

const RETRY_SECONDS = 5;

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [attempts, setAttempts] = useState(0);
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
      setAttempts((n) => n + 1);
    });
  useEffect(() => {
    const timer = setTimeout(retry, RETRY_SECONDS * 1000);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempts]);
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center" role="alert">
      <h1 className="text-xl font-semibold">Understory is unavailable for a moment</h1>
      <p className="mt-2 text-sm text-stone-600">
        This page could not be loaded, most likely because the database is restarting. Nothing you saved before is lost.
        The page tries again by itself every {RETRY_SECONDS} seconds.
      </p>
      <Button type="button" className="mt-4" onClick={retry}>Try again now</Button>
      {error.digest ? <p className="mt-4 text-xs text-stone-400">Reference {error.digest}</p> : null}
    </main>
  );
}
