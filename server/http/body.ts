import { Problem } from '../../src/domain/problems';

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () =>
  new Problem(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes`);

export const isJsonContentType = (value: string | null | undefined) =>
  !!value && /^application\/json\s*(;|$)/i.test(value.trim());

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Reads a JSON body, refusing it as soon as either the declared or the streamed size passes the
 * limit, so a missing or lying Content-Length cannot make us buffer more than 1 MB.
 */
export async function readJsonBody(req: Request): Promise<unknown> {
  const declared = req.headers.get('Content-Length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return undefined;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return JSON.parse(text.decode(concat(chunks, size)));
  } catch {
    throw new Problem(400, 'bad_request', 'The request body is not valid JSON');
  }
}
