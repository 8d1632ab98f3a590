import { DomainError, ErrorCode } from '@tongban/errors';
import { classifyFailure, outcomeOf } from '@tongban/messaging';
import { httpStatusOf, problemType } from './problem.mapping';

describe('one mapping per transport for every error code', () => {
  const codes = Object.values(ErrorCode);

  it('maps every code to an HTTP status and a stable type URI', () => {
    for (const code of codes) {
      const { status, title } = httpStatusOf(code);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(title.length).toBeGreaterThan(0);
      expect(problemType(code)).toBe(`urn:tongban:problem:${code}`);
    }
  });

  it('maps every code to a Kafka outcome: transient ones are retried, the rest dead-lettered at once', () => {
    for (const code of codes) expect(['retry', 'dead-letter']).toContain(outcomeOf(code));
    expect(classifyFailure(new DomainError(ErrorCode.Unavailable, 'x')).outcome).toBe('retry');
    expect(classifyFailure(new DomainError(ErrorCode.RuleViolated, 'x')).outcome).toBe('dead-letter');
    expect(classifyFailure(Object.assign(new Error('serialization'), { code: '40001' })).outcome).toBe('retry');
    expect(classifyFailure(new Error('unknown bug')).outcome).toBe('retry');
  });
});
