// ISO 7064 MOD 11-2 as specified by GB 11643-1999: weight i is 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** The check character ('0'-'9' or 'X') for the first 17 digits of a citizen ID number. */
export function computeCheckCharacter(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) throw new Error('computeCheckCharacter expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}
