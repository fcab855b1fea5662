import { StringDecoder } from 'node:string_decoder';

/** One non-empty line of an NDJSON stream, numbered as the sender counts lines. */
export interface NdjsonLine {
  /** 1-based line number in the input. */
  number: number;
  text: string;
  /** The line was longer than the limit; its text is dropped, not kept. */
  oversized: boolean;
}

/**
 * The non-empty lines of a stream, holding at most one line (up to `maxBytes`) in memory: a
 * longer line is reported as oversized and skipped to its end, so one endless line cannot
 * exhaust memory.
 */
export async function* ndjsonLines(input: AsyncIterable<unknown>, maxBytes: number): AsyncGenerator<NdjsonLine> {
  const decoder = new StringDecoder('utf8');
  let current = '';
  let size = 0;
  let oversized = false;
  let number = 0;
  const finish = (): NdjsonLine | undefined => {
    number += 1;
    const line = { number, text: oversized ? '' : current.replace(/\r$/, ''), oversized };
    current = '';
    size = 0;
    oversized = false;
    return line.oversized || line.text.trim() ? line : undefined;
  };
  for await (const chunk of input) {
    let text = decoder.write(chunk as Buffer);
    let newline = text.indexOf('\n');
    while (newline >= 0) {
      add(text.slice(0, newline));
      const line = finish();
      if (line) yield line;
      text = text.slice(newline + 1);
      newline = text.indexOf('\n');
    }
    add(text);
  }
  add(decoder.end());
  const last = finish();
  if (last) yield last;

  function add(piece: string): void {
    if (oversized || piece === '') return;
    size += Buffer.byteLength(piece);
    if (size > maxBytes) {
      oversized = true;
      current = '';
    } else {
      current += piece;
    }
  }
}
