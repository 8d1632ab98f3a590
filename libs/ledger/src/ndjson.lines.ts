import { StringDecoder } from 'node:string_decoder';

export class LineTooLongError extends Error {
  constructor(readonly lineNo: number) {
    super(`line ${lineNo} is longer than the limit`);
  }
}

/**
 * Lines of a byte stream, yielded as they arrive: memory is bounded by one chunk plus one line, and
 * the source is read only as fast as the consumer takes lines (backpressure through for-await).
 */
export async function* lines(source: AsyncIterable<Buffer | string>, maxLineLength: number): AsyncGenerator<{ lineNo: number; text: string }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNo = 0;
  for await (const chunk of source) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
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
  if (rest.length > 0) yield { lineNo: lineNo + 1, text: rest.replace(/\r$/, '') };
}
