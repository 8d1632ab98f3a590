import { makeCitizenId } from '@tongban/identity';
import { loadContract } from './contract.document';
import { citizenIdsOutside, personalDataProperties } from './personal-data.guard';

describe('the personal-data guard of the REST edge', () => {
  const id = makeCitizenId('360102', '19900517', '101');
  const allowed = personalDataProperties(loadContract().schemas);

  it('knows from the contract which properties may carry a citizen ID number (x-tongban-pii)', () => {
    expect([...allowed]).toEqual(['citizenId']);
  });

  it('names every other place one appears: free text, nested and array values, keys', () => {
    const body = {
      citizenId: id,
      reason: `see ${id}`,
      lines: [{ lineId: 'l-1', reason: `x${id}` }],
      extra: { [id]: 1 },
      note: 'nothing here',
    };
    expect(citizenIdsOutside('body', body, allowed).map((e) => e.field)).toEqual([
      '/body/reason',
      '/body/lines/0/reason',
      '/body/extra/[citizen-id]',
    ]);
    expect(citizenIdsOutside('path', { permitId: id }, new Set())).toEqual([
      { field: '/path/permitId', message: 'must not contain a citizen ID number' },
    ]);
    expect(citizenIdsOutside('body', { citizenId: id, permitNumber: 'GZ-2026-000001' }, allowed)).toEqual([]);
  });
});
