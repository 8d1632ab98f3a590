export interface SubjectKey {
  /** Positive integer, embedded in every reference made with this key. */
  version: number;
  secret: Buffer;
}

/** HMAC-SHA256 keys shorter than its 256-bit output would weaken it. */
export const MIN_SUBJECT_SECRET_BYTES = 32;

const VERSION = /^[1-9][0-9]{0,8}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * Parses `1:<base64 secret>,2:<base64 secret>`. Throws a plain Error naming the faulty entry, never
 * quoting a secret; the config lib reports it as a boot error.
 */
export function parseSubjectKeys(spec: string): SubjectKey[] {
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) throw new Error('subject keys: no key configured; expected "<version>:<base64 secret>,…"');

  const keys: SubjectKey[] = [];
  entries.forEach((entry, index) => {
    const where = `subject keys: entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new Error(`${where} is not "<version>:<base64 secret>"`);
    const versionText = entry.slice(0, colon).trim();
    const secretText = entry.slice(colon + 1).trim();
    if (!VERSION.test(versionText)) throw new Error(`${where} has a version that is not a positive integer`);
    const version = Number(versionText);
    if (keys.some((k) => k.version === version)) throw new Error(`${where} repeats version ${version}`);
    if (!BASE64.test(secretText)) throw new Error(`${where} (version ${version}) has a secret that is not base64`);
    const secret = Buffer.from(secretText, 'base64');
    if (secret.length < MIN_SUBJECT_SECRET_BYTES) {
      throw new Error(
        `${where} (version ${version}) has a ${secret.length}-byte secret; at least ${MIN_SUBJECT_SECRET_BYTES} bytes are required`,
      );
    }
    keys.push({ version, secret });
  });
  return keys;
}
