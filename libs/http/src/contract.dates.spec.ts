import type { ExecutionContext } from '@nestjs/common';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { addDays, EARLIEST_DATE, LATEST_DATE } from '@tongban/calendar';
import { caughtDomainError, FieldError } from '@tongban/errors';
import { loadContract } from './contract.document';
import { ContractValidator } from './contract.validator';

const contract = loadContract();

/** Every node of the document with its JSON pointer. */
function* nodes(node: unknown, pointer = ''): Generator<[string, Record<string, unknown>]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) yield* nodes(n, `${pointer}/${i}`);
    return;
  }
  const record = node as Record<string, unknown>;
  yield [pointer, record];
  for (const [k, v] of Object.entries(record)) yield* nodes(v, `${pointer}/${k}`);
}

describe('date bounds of the contract', () => {
  it('has one date schema, IsoDate; every other date refers to it', () => {
    const dates = [...nodes(contract.raw)].filter(([, n]) => n.format === 'date').map(([p]) => p);
    expect(dates).toEqual(['/components/schemas/IsoDate']);
  });

  it('IsoDate accepts exactly the days from EARLIEST_DATE to LATEST_DATE', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const valid = ajv.compile(contract.schemas.IsoDate);
    for (const day of [EARLIEST_DATE, LATEST_DATE, '2000-02-29', '2026-11-28']) expect([day, valid(day)]).toEqual([day, true]);
    for (const day of [
      addDays(EARLIEST_DATE, -1),
      addDays(LATEST_DATE, 1),
      '0000-01-01',
      '0099-12-31',
      '9999-12-31',
      '+010000-01-01',
      '2026-02-29',
      '2100-02-29',
    ]) {
      expect([day, valid(day)]).toEqual([day, false]);
    }
    const month = ajv.compile(contract.schemas.YearMonth);
    expect([EARLIEST_DATE.slice(0, 7), LATEST_DATE.slice(0, 7)].map((m) => month(m))).toEqual([true, true]);
    expect(['1899-12', '2200-01', '0000-01', '9999-12'].map((m) => month(m))).toEqual([false, false, false, false]);
  });
});

describe('the gateway validator refuses days outside the bounds', () => {
  const validator = new ContractValidator();

  type Parts = { params?: object; query?: object; body?: unknown };

  /** A request as the guard sees it. */
  function contextOf(method: string, routePath: string, parts: Parts): ExecutionContext {
    const req = {
      method,
      route: { path: routePath },
      params: parts.params ?? {},
      query: parts.query ?? {},
      headers: parts.body === undefined ? {} : { 'content-type': 'application/json', 'content-length': '1' },
      body: parts.body,
    };
    return { getType: () => 'http', switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
  }

  /** The field errors of a request the validator refuses. */
  function errorsOf(method: string, routePath: string, parts: Parts): FieldError[] {
    const error = caughtDomainError(() => validator.canActivate(contextOf(method, routePath, parts)));
    expect(error.code).toBe('validation-failed');
    return error.extensions.errors as FieldError[];
  }

  const permit = (dates: Record<string, string>): Record<string, string> => ({
    permitNumber: 'GZ-0001',
    citizenId: '360102199005170012',
    hukouRegion: '360100',
    residenceCity: '440100',
    basis: 'employment',
    residenceSince: '2025-06-01',
    issuedOn: '2026-02-02',
    validUntil: '2027-02-01',
    ...dates,
  });

  it('names the field and the bounds, in the body and in the query', () => {
    expect(validator.canActivate(contextOf('POST', '/v1/residence-permits', { body: permit({}) }))).toBe(true);
    for (const day of ['0000-01-01', '0099-12-31', '1899-12-31', '2200-01-01', '9999-12-31']) {
      expect(errorsOf('POST', '/v1/residence-permits', { body: permit({ validUntil: day }) })).toEqual([
        { field: '/body/validUntil', message: `must be a day from ${EARLIEST_DATE} to ${LATEST_DATE}` },
      ]);
    }
    const subjectRef = `s1_${'A'.repeat(32)}`;
    expect(
      errorsOf('GET', '/v1/subjects/:subjectRef/residence-history', { params: { subjectRef }, query: { asOf: '0000-01-01' } }),
    ).toEqual([{ field: '/query/asOf', message: `must be a day from ${EARLIEST_DATE} to ${LATEST_DATE}` }]);
    expect(errorsOf('GET', '/v1/medical/clearings/:month', { params: { month: '0000-01' } })).toEqual([
      { field: '/path/month', message: 'must be a month from 1900-01 to 2199-12' },
    ]);
  });
});
