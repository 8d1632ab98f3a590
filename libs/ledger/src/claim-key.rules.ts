import type { ServiceBasis } from '@tongban/catalogue';

/**
 * Keys of services decided per claim (not held by intervals) name their place, so a claim is bound to
 * it: `bill:<treatment region>:<settlement id>` for a medical bill (the treatment region settles it
 * directly, or the person's insured region reimburses that same bill by hand — one claim for both),
 * `case:<region>:<case id>` for an emergency (the place where it happened provides).
 */
export const PLACE_KEY_FORMATS: Partial<Record<ServiceBasis, { prefix: string; format: string }>> = {
  treatment: { prefix: 'bill', format: 'bill:<treatment region>:<settlement id>' },
  emergency: { prefix: 'case', format: 'case:<region of the emergency>:<case id>' },
};

/** The region a place key names, or undefined when the key is not of the basis's format. */
export function placeOfKey(basis: ServiceBasis, key: string): string | undefined {
  const format = PLACE_KEY_FORMATS[basis];
  if (!format) return undefined;
  const m = new RegExp(`^${format.prefix}:([0-9]{6}):[A-Za-z0-9._-]{1,80}$`).exec(key);
  return m?.[1];
}
