import { SeedId, SeedRef } from './catalogue.types';

/**
 * How many numbered clauses each seed has, so that a citation of a clause that does not exist is
 * caught when the data loads. 000, 003 and 004 number their items （一）…（N） continuously across
 * sections; 002 numbers only its four parts 一…四; 001 is a news feature without numbered clauses.
 */
export const SEED_CLAUSE_COUNTS: Readonly<Record<SeedId, number>> = Object.freeze({
  '000': 13,
  '001': 0,
  '002': 4,
  '003': 16,
  '004': 21,
});

const DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Parses a Chinese numeral from 一 to 九十九 ('十三' → 13, '二十一' → 21); undefined if not one. */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 1 && text in DIGITS) return DIGITS[text];
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (m === null) return undefined;
  const [, tens, units] = m;
  return (tens === undefined ? 1 : DIGITS[tens]) * 10 + (units === undefined ? 0 : DIGITS[units]);
}

/** '000-八' */
export function formatSeedRef(ref: SeedRef): string {
  return `${ref.seed}-${ref.clause}`;
}

/** Why `ref` does not name an existing clause, or undefined when it does. */
export function seedRefProblem(ref: SeedRef): string | undefined {
  const count = SEED_CLAUSE_COUNTS[ref.seed];
  if (count === undefined) return `unknown seed '${String(ref.seed)}'`;
  const n = parseChineseNumeral(ref.clause);
  if (n === undefined) {
    return `clause '${ref.clause}' of seed ${ref.seed} is not a Chinese numeral without brackets (e.g. '八', '十三')`;
  }
  if (count === 0) return `seed ${ref.seed} has no numbered clauses to cite`;
  if (n > count) return `seed ${ref.seed} has clauses 一…${numeral(count)} only; '${ref.clause}' (${n}) does not exist`;
  return undefined;
}

function numeral(n: number): string {
  const names = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return names[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : names[tens]}十${names[n % 10]}`;
}
