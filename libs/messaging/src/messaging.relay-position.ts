/**
 * Where a relay stands, kept in Kafka itself: each relay transaction commits, next to its records, a
 * transactional offset of the relay's own group whose metadata lists the outbox seqs it published
 * (KIP-98 `sendOffsets`, the mechanism of Kafka Connect's exactly-once source, KIP-618). It becomes
 * visible exactly when the records do, so after a crash the committed position says which rows the
 * last transaction published, whatever the database managed to record.
 */

/** Below the broker's offset.metadata.max.bytes (4096 by default). */
export const MAX_POSITION_CHARS = 3000;
const PREFIX = 'seqs:';

/** Seqs as ascending ranges: `seqs:12-40,42,45-47`. */
export function encodeSeqs(seqs: readonly bigint[]): string {
  const sorted = [...seqs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1n) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return PREFIX + parts.join(',');
}

/** The seqs of a committed position; [] for none or for metadata this relay did not write. */
export function decodeSeqs(metadata: string | null | undefined): bigint[] {
  if (!metadata?.startsWith(PREFIX) || metadata.length === PREFIX.length) return [];
  const out: bigint[] = [];
  for (const part of metadata.slice(PREFIX.length).split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new Error(`unreadable relay position ${metadata.slice(0, 80)}`);
    const from = BigInt(m[1]);
    const to = m[2] === undefined ? from : BigInt(m[2]);
    if (to < from || to - from > 100_000n) throw new Error(`unreadable relay position ${metadata.slice(0, 80)}`);
    for (let s = from; s <= to; s++) out.push(s);
  }
  return out;
}

/** The longest prefix of rows (in seq order) whose encoded seqs fit in the position metadata (at least one). */
export function withinPositionBytes<R extends { seq: string }>(rows: R[], maxChars = MAX_POSITION_CHARS): R[] {
  let n = rows.length;
  while (n > 1 && encodeSeqs(rows.slice(0, n).map((r) => BigInt(r.seq))).length > maxChars) n = Math.ceil(n / 2);
  return rows.slice(0, n);
}
