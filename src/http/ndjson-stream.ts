import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Problem } from '../contract/problem';

/** The encodings a streamed batch may come in, and how each is read. */
const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/**
 * A request body as it was sent, decoded from its Content-Encoding. An encoding it cannot read
 * is one 415 before anything is answered (rather than every line reported as broken JSON).
 */
export function decodedBody(req: Readable & { headers: Record<string, string | string[] | undefined> }): Readable {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding === 'identity') return req;
  const decoder = DECODERS[encoding];
  if (!decoder) throw new Problem(415, 'unsupported_media_type', `Content-Encoding ${encoding} is not read here; send ${Object.keys(DECODERS).join(', ')} or none.`);
  return req.pipe(decoder()) as unknown as Readable;
}

/** Thrown when a stream sends nothing for the idle limit. */
export class StreamIdle extends Error {}

/**
 * The chunks of a stream, failing with StreamIdle when the next one takes longer than `idleMs`
 * to arrive. Only waiting for the sender counts: the time spent on each chunk before asking for
 * the next does not, so a backfill that keeps sending runs as long as it needs.
 */
export async function* untilIdle(input: AsyncIterable<unknown>, idleMs: number): AsyncGenerator<Buffer> {
  const chunks = input[Symbol.asyncIterator]();
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StreamIdle(`nothing arrived for ${idleMs} ms`)), idleMs);
    });
    let next: IteratorResult<unknown>;
    try {
      next = await Promise.race([chunks.next(), idle]);
    } finally {
      clearTimeout(timer);
    }
    if (next.done) return;
    yield next.value as Buffer;
  }
}
