import { inspect } from 'node:util';

export type Sex = 'male' | 'female';

const REDACTED = '[citizen-id]';

/**
 * A validated citizen ID number (公民身份号码). Build it with parseCitizenId. The number is personal
 * data: every implicit rendering (string interpolation, JSON, util.inspect, hence loggers) yields
 * '[citizen-id]', and the number itself lives in a private field, reachable only through `normalised`.
 */
export class CitizenId {
  readonly #normalised: string;
  /**
   * The region of FIRST ISSUE (first six digits), possibly a withdrawn code. It is NOT the holder's
   * current hukou region and must never be used to decide residence or responsibility.
   */
  readonly regionOfIssue: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: Sex;

  /** @internal use parseCitizenId; this constructor does not validate. */
  constructor(normalised: string) {
    this.#normalised = normalised;
    this.regionOfIssue = normalised.slice(0, 6);
    this.birthDate = `${normalised.slice(6, 10)}-${normalised.slice(10, 12)}-${normalised.slice(12, 14)}`;
    // The 17th digit is the sequence's last digit: odd for men, even for women.
    this.sex = Number(normalised[16]) % 2 === 1 ? 'male' : 'female';
  }

  /** The 18-character number with an upper-case 'X'; read it only where the number must be sent or hashed. */
  get normalised(): string {
    return this.#normalised;
  }

  equals(other: CitizenId): boolean {
    return other instanceof CitizenId && other.#normalised === this.#normalised;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
