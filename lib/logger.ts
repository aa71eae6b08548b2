// Structured logs. Redaction is a second line of defence: code never passes secrets on purpose.
import pino from "pino";
import { env } from "@/lib/env";

export const logger = pino({
  level: env().LOG_LEVEL,
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token", "authorization", "*.authorization", "cookie", "*.cookie", "headers.cookie", "headers.authorization"],
    censor: "[redacted]",
  },
  base: { app: "understory" },
});
