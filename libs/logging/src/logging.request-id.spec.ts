import type { IncomingMessage, ServerResponse } from 'node:http';
import { makeCitizenId } from '@tongban/identity';
import { requestIdFor, routeTemplate } from './logging.module';

const idOf = (given: string | undefined): string => {
  const headers: Record<string, string> = {};
  const res = { setHeader: (k: string, v: string) => (headers[k] = v) } as unknown as ServerResponse;
  const id = requestIdFor({ headers: given === undefined ? {} : { 'x-request-id': given } } as unknown as IncomingMessage, res);
  expect(headers['X-Request-Id']).toBe(id);
  return id;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it("keeps the caller's UUID or short opaque token", () => {
    expect(idOf('0b3f5c1e-4d7a-4c2e-9a51-2f6e8d9c1a77')).toBe('0b3f5c1e-4d7a-4c2e-9a51-2f6e8d9c1a77');
    expect(idOf('batch-7:line.42')).toBe('batch-7:line.42');
  });

  it('replaces a missing, long, odd or ID-number-bearing one with a fresh UUID', () => {
    const id = makeCitizenId('110105', '19491231', '002');
    for (const given of [undefined, 'x'.repeat(65), 'a b', id, `req-${id}`, `9${id}`]) expect(idOf(given)).toMatch(UUID);
  });

  it('logs the route template of a matched request, never its path', () => {
    expect(
      routeTemplate({
        route: { path: '/:permitId' },
        baseUrl: '/v1/residence-permits',
        url: '/v1/residence-permits/abc',
      } as unknown as IncomingMessage),
    ).toBe('/v1/residence-permits/:permitId');
    expect(routeTemplate({ url: '/v1/anything/11010519491231002X' } as unknown as IncomingMessage)).toBe('unmatched');
  });
});
