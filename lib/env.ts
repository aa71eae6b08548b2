// The only reader of process.env. Validated once; a bad value stops the process with a clear
// message instead of failing later in a request.
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** the public URL (Auth.js reads it too); https means TLS, so responses carry HSTS */
  AUTH_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** sign-in attempts allowed per account and per address in the window */
  SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** sign-up attempts allowed per address per hour (each one costs an argon2 hash) */
  SIGNUP_MAX_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
  /** seconds to wait after the last write before a recompute runs (coalesces bursts) */
  RECOMPUTE_DEBOUNCE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** REST API, per token: a bucket of API_RATE_LIMIT_BURST requests refilled at API_RATE_LIMIT_PER_MINUTE */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  API_RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(100_000).default(60),
  /** largest request body the REST API reads, bytes */
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_048_576),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | null = null;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

/** The database URL the app uses; scripts/start.ts sets it for the embedded server. */
export function databaseUrlOrThrow(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database");
  return url;
}
