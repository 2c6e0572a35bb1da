import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** `ok: false` when the text is not JSON: callers answer with CAN's code "400". */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A request's JSON body, or why there is none usable (too large, not JSON); other errors throw. */
export async function readJsonBody(req: IncomingMessage): Promise<{ body: unknown; error: string | null }> {
  try {
    const parsed = parseJson(await readBody(req));
    return parsed.ok ? { body: parsed.value, error: null } : { body: undefined, error: "request body is not valid JSON" };
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return { body: undefined, error: error.message };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendRaw(res, status, "application/json; charset=utf-8", JSON.stringify(body));
}

export function sendRaw(res: ServerResponse, status: number, contentType: string, text: string): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text) });
  res.end(text);
}
