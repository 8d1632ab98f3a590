import { ChinaClock } from '@tongban/calendar';
import { DomainError } from '@tongban/errors';
import { assertProduced, EventDraft, EventValidator, ProducedEventType } from '@tongban/messaging';

/**
 * Fakes of the technology for service specs (libs/<domain>/src/*.service.spec.ts): the rules run for
 * real, the database and the outbox are stood in for. Integration tests use the real ones.
 */

/** The methods a service calls, as jest mocks typed like the repository's (so calls and answers are checked). */
export type Mocked<T, K extends keyof T> = { [P in K]: T[P] extends (...args: infer A) => infer R ? jest.Mock<R, A> : never };

/** A clock standing at one instant (or moved with `on(day)`: 10:00 in China that day). */
export class PinnedClock extends ChinaClock {
  constructor(private at: Date = new Date()) {
    super();
  }
  on(day: string): void {
    this.at = new Date(`${day}T10:00:00+08:00`);
  }
  override now(): Date {
    return this.at;
  }
}

/** `tx` runs the function; it counts transactions and knows whether one is open. */
export class FakeDatabase {
  transactions = 0;
  private depth = 0;
  async tx<T>(fn: () => Promise<T>): Promise<T> {
    this.transactions += 1;
    this.depth += 1;
    try {
      return await fn();
    } finally {
      this.depth -= 1;
    }
  }
  get inTransaction(): boolean {
    return this.depth > 0;
  }
}

const validator = new EventValidator();

/** Records appended events after checking them against their schemas (and that their version is still produced), inside a transaction only (as the real writer). */
export class RecordingOutbox {
  readonly events: Array<{ schema: string; draft: EventDraft }> = [];
  constructor(private readonly db: FakeDatabase) {}
  async append<T extends ProducedEventType>(schema: string, draft: EventDraft<T>): Promise<string> {
    if (!this.db.inTransaction) throw new Error('outbox rows must be written in the transaction of the state change');
    assertProduced(draft.type);
    validator.validate(draft.type, draft.data);
    this.events.push({ schema, draft });
    return `event-${this.events.length}`;
  }
  types(): string[] {
    return this.events.map((e) => e.draft.type);
  }
}

/** The rejection of a promise that must reject with a DomainError. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => new Error('expected a DomainError, the call succeeded'),
    (e: unknown) => e,
  );
  if (error instanceof DomainError) return error;
  throw error;
}
