/**
 * Share links: a cell's code compressed into the URL fragment, so a link carries the code itself and
 * no server is involved. `#share=<cell id>~<base64url(deflate-raw(code))>`.
 */

const PREFIX = '#share=';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Streams `bytes` through a (de)compressor, giving up once the output passes `limit` bytes. */
async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError('shared code is too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The fragment for a link that opens `cellId` with `code`. */
export async function encodeShare(cellId: string, code: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(code), new CompressionStream('deflate-raw'));
  return `${PREFIX}${encodeURIComponent(cellId)}~${toBase64Url(packed)}`;
}

/** Largest code a share link may unpack to: a hostile link must not fill memory. */
const MAX_SHARED_CHARS = 200_000;

/** Reads a share fragment; returns null for anything that is not a valid share link. */
export async function decodeShare(hash: string): Promise<{ cellId: string; code: string } | null> {
  if (!hash.startsWith(PREFIX)) return null;
  const body = hash.slice(PREFIX.length);
  const sep = body.indexOf('~');
  if (sep <= 0) return null;
  try {
    const cellId = decodeURIComponent(body.slice(0, sep));
    // A few hundred bytes of deflate can expand to gigabytes: stop reading at the cap.
    const bytes = await pipe(
      fromBase64Url(body.slice(sep + 1)),
      new DecompressionStream('deflate-raw'),
      MAX_SHARED_CHARS * 4,
    );
    const code = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return code.length <= MAX_SHARED_CHARS ? { cellId, code } : null;
  } catch {
    return null;
  }
}
