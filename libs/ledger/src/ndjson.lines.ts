import { StringDecoder } from 'node:string_decoder';

export class LineTooLongError extends Error {
  constructor(readonly lineNo: number) {
    super(`line ${lineNo} is longer than the limit`);
  }
}

const BOM = '\uFEFF';

/**
 * Lines of a byte stream, yielded as they arrive: memory is bounded by one chunk plus one line, and
 * the source is read only as fast as the consumer takes lines (backpressure through for-await). A
 * UTF-8 byte order mark before the first line (as spreadsheet exports write) is dropped.
 */
export async function* lines(
  source: AsyncIterable<Buffer | string>,
  maxLineLength: number,
): AsyncGenerator<{ lineNo: number; text: string }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNo = 0;
  let started = false;
  for await (const chunk of source) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    // the mark's three bytes may arrive in several chunks: decide once the first character is decoded
    if (!started && rest.length > 0) {
      if (rest.startsWith(BOM)) rest = rest.slice(BOM.length);
      started = true;
    }
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      lineNo += 1;
      const text = rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
      yield { lineNo, text };
    }
    if (rest.length > maxLineLength) throw new LineTooLongError(lineNo + 1);
  }
  rest += decoder.end();
  if (!started && rest.startsWith(BOM)) rest = rest.slice(BOM.length);
  if (rest.length > 0) yield { lineNo: lineNo + 1, text: rest.replace(/\r$/, '') };
}
