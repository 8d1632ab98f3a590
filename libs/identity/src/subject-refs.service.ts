import { createHmac } from 'node:crypto';
import { DomainError, ErrorCode } from '@tongban/errors';
import { CitizenId } from './citizen-id.value';
import { MIN_SUBJECT_SECRET_BYTES, SubjectKey } from './subject-keys.config';

const REF = /^s([1-9][0-9]{0,8})_[A-Za-z0-9_-]{32}$/;

/**
 * Pseudonymous subject references: `s<version>_` + the first 32 base64url characters of
 * HMAC-SHA256(secret, normalised number). The references are what other services store and join on,
 * so the number itself need not leave the identity boundary.
 *
 * Truncating to 32 characters keeps 192 bits of the MAC: collisions among even 10^9 subjects have
 * probability about 2^-133, and the truncated value still reveals nothing without the secret.
 * The input space (around 10^11 plausible numbers) is small enough to enumerate, which is why this is
 * a keyed HMAC and not a plain hash: the secret is what makes a reference irreversible.
 */
export class SubjectRefs {
  readonly #keys: ReadonlyMap<number, Buffer>;
  readonly #current: number;

  constructor(keys: SubjectKey[], currentVersion: number) {
    if (keys.length === 0) throw new Error('subject refs: at least one key is required');
    const map = new Map<number, Buffer>();
    for (const { version, secret } of keys) {
      if (!Number.isSafeInteger(version) || version < 1) throw new Error('subject refs: key versions must be positive integers');
      if (map.has(version)) throw new Error(`subject refs: version ${version} is configured twice`);
      if (secret.length < MIN_SUBJECT_SECRET_BYTES) {
        throw new Error(`subject refs: the secret of version ${version} is shorter than ${MIN_SUBJECT_SECRET_BYTES} bytes`);
      }
      map.set(version, Buffer.from(secret));
    }
    if (!map.has(currentVersion)) throw new Error(`subject refs: current version ${currentVersion} has no key`);
    this.#keys = map;
    this.#current = currentVersion;
  }

  get currentVersion(): number {
    return this.#current;
  }

  /** The reference under the current key: what new records store. */
  ref(id: CitizenId): string {
    return this.#make(this.#current, id);
  }

  /**
   * The reference under every configured key, current first then newest to oldest: during key
   * rotation, records written before the switch are found by their older reference.
   */
  refsFor(id: CitizenId): string[] {
    const versions = [this.#current, ...[...this.#keys.keys()].filter((v) => v !== this.#current).sort((a, b) => b - a)];
    return versions.map((v) => this.#make(v, id));
  }

  /** Validates the shape of a reference and returns its key version (which may no longer be configured). */
  parseRef(ref: string): number {
    const match = typeof ref === 'string' ? REF.exec(ref) : null;
    if (match === null) {
      throw new DomainError(ErrorCode.ValidationFailed, "a subject reference is 's<version>_' followed by 32 base64url characters", {
        reason: 'subject-ref-format',
      });
    }
    return Number(match[1]);
  }

  /** Whether a key of that version is configured, i.e. references of that version can be recomputed. */
  hasVersion(version: number): boolean {
    return this.#keys.has(version);
  }

  #make(version: number, id: CitizenId): string {
    const secret = this.#keys.get(version) as Buffer;
    const mac = createHmac('sha256', secret).update(id.normalised, 'utf8').digest('base64url');
    return `s${version}_${mac.slice(0, 32)}`;
  }
}
