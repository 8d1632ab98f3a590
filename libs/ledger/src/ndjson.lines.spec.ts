import { LineTooLongError, lines } from './ndjson.lines';

async function collect(chunks: Array<string | Buffer>, max = 100): Promise<string[]> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c) : c;
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

  it('drops a UTF-8 byte order mark before the first line, even split across chunks, and keeps one anywhere else', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(await collect([Buffer.concat([bom, Buffer.from('{"a":1}\n{"b":2}\n')])])).toEqual(['1:{"a":1}', '2:{"b":2}']);
    expect(await collect([bom.subarray(0, 1), bom.subarray(1, 2), Buffer.concat([bom.subarray(2), Buffer.from('{"a":1}')])])).toEqual([
      '1:{"a":1}',
    ]);
    expect(await collect([bom])).toEqual([]);
    expect(await collect(['\uFEFF{"a":1}\n'])).toEqual(['1:{"a":1}']);
    // only the first: a mark inside the data is the data's (the JSON parser then refuses that line)
    expect(await collect(['{"a":1}\n\uFEFF{"b":2}\n'])).toEqual(['1:{"a":1}', '2:\uFEFF{"b":2}']);
  });

  it('refuses a line longer than the limit instead of buffering it', async () => {
    await expect(collect(['a'.repeat(50), 'b'.repeat(60)], 100)).rejects.toBeInstanceOf(LineTooLongError);
  });
});
