// The REST API's errors: one JSON shape, `{ error: { code, message, fields?, requestId } }`, with a
// machine-readable code and its status. AppErrors from the shared mutations keep their code.
import type { ErrorCode } from "@/lib/errors";

export const API_ERROR_STATUS = {
  invalid_input: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  invalid_idempotency_key: 400,
  unauthenticated: 401,
  invalid_token: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  conflict: 409,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

// Every code a shared mutation may throw has its API status.
const COVERS_APP_ERRORS: Record<ErrorCode, number> = API_ERROR_STATUS;
void COVERS_APP_ERRORS;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as [ApiErrorCode, ...ApiErrorCode[]];

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields?: Record<string, string>;
  /** extra response headers (Retry-After on 429) */
  readonly headers?: Record<string, string>;
  constructor(code: ApiErrorCode, message: string, opts: { fields?: Record<string, string>; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.fields = opts.fields;
    this.headers = opts.headers;
  }
  get status(): number {
    return API_ERROR_STATUS[this.code];
  }
}
