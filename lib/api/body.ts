// Reading request bodies without trusting them: JSON only, bounded in size while it streams (a
// missing or false Content-Length cannot get past the limit), valid UTF-8, parsed or refused.
import { ApiError } from "./errors";

export interface JsonBody {
  text: string;
  value: unknown;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export async function readJsonBody(req: Request, maxBytes: number): Promise<JsonBody> {
  if (!JSON_TYPE.test(req.headers.get("content-type") ?? "")) {
    throw new ApiError("unsupported_media_type", "Send the request body as JSON with Content-Type: application/json.");
  }
  const tooLarge = () => new ApiError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid UTF-8.");
  }
  if (text.trim() === "") throw new ApiError("invalid_json", "The request body is empty: send a JSON object.");
  try {
    return { text, value: JSON.parse(text) };
  } catch (e) {
    throw new ApiError("invalid_json", `The request body is not valid JSON: ${(e as Error).message}`);
  }
}

/** Query string to a plain object: the first value of a repeated key wins. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in out)) out[key] = value;
  return out;
}

/** JSON with object keys sorted, so that equal bodies have equal fingerprints whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
