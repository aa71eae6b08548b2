// Session settings for both ends of a backup, so that COPY's text output is read back to the same
// values on any server and client: UTF8, ISO dates in UTC, and floats printed exactly (the
// settings pg_dump uses). timestamptz is stored as an instant, so UTC text loses nothing.
import type pg from "pg";

export async function useCanonicalTextSettings(client: pg.ClientBase): Promise<void> {
  await client.query(
    "SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3",
  );
}
