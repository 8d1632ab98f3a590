import { DomainError, ErrorCode } from '@tongban/errors';
import { startFailure } from './app.bootstrap';

describe('startFailure (what runApp prints when a start fails)', () => {
  it('a refused policy or catalogue is one line naming the code, the detail and the clause; no stack', () => {
    const error = new DomainError(ErrorCode.PolicyRejected, 'city-policies.v1.json /cities/0: a condition on tax\n  is rejected', {
      clause: '000-八',
    });
    expect(startFailure(error)).toBe('policy-rejected: city-policies.v1.json /cities/0: a condition on tax is rejected (clause 000-八)');
  });

  it('anything else keeps its stack for the developer', () => {
    expect(startFailure(new Error('boom'))).toMatch(/^Error: boom\n\s+at /);
  });
});
