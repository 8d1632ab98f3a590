import { parseCitizenId } from './citizen-id.parser';

const RUN = /[0-9Xx]{18,}/g;

/**
 * Every valid citizen ID number (check character, region of issue and birth date all valid) found
 * anywhere in a text, including inside a longer run of digits: a number hidden in a request id, a
 * free-text reason or a period key is found all the same. The checksum alone would flag one random
 * 18-digit string in eleven; the region and date checks make a false alarm rare.
 */
export function citizenIdsIn(text: string): string[] {
  const found: string[] = [];
  for (const run of text.matchAll(RUN)) {
    const digits = run[0];
    for (let i = 0; i + 18 <= digits.length; i++) {
      const candidate = digits.slice(i, i + 18);
      if (!/^[0-9]{17}[0-9Xx]$/.test(candidate)) continue;
      try {
        parseCitizenId(candidate);
        found.push(candidate);
      } catch {
        // not a valid number
      }
    }
  }
  return found;
}

export const containsCitizenId = (text: string): boolean => citizenIdsIn(text).length > 0;
