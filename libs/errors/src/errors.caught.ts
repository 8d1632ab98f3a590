import { DomainError } from './errors.codes';

/** The DomainError fn throws (any other error is rethrown; throwing nothing fails): for tests asserting codes and details. */
export function caughtDomainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
