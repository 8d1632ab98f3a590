import { LineTooLongError, lines } from './ndjson.lines';

async function collect(chunks: string[], max = 100): Promise<string[]> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const c of chunks) yield Buffer.from(c);
  }
  const out: string[] = [];
  for await (const l of lines(source(), max)) out.push(`${l.lineNo}:${l.text}`);
  return out;
}

describe('NDJSON lines', () => {
  it('splits across chunk boundaries, multi-byte characters included, with or without a final newline', async () => {
    expect(await collect(['{"a":1}\n{"b"', ':2}\r\n广', '州\n'])).toEqual(['1:{"a":1}', '2:{"b":2}', '3:广州']);
    expect(await collect(['x\ny'])).toEqual(['1:x', '2:y']);
  });

  it('refuses a line longer than the limit instead of buffering it', async () => {
    await expect(collect(['a'.repeat(50), 'b'.repeat(60)], 100)).rejects.toBeInstanceOf(LineTooLongError);
  });
});
