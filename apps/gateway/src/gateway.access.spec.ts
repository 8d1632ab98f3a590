import * as fs from 'node:fs';
import { repoPath } from '@tongban/config';
import { loadContract, renderAccessTable } from '@tongban/http';
import { GATEWAY_ACCESS } from './gateway.access';

describe('the authorisation matrix', () => {
  const operations = loadContract().operations;

  it('has exactly one rule for every operation of the OpenAPI document', () => {
    expect(Object.keys(GATEWAY_ACCESS).sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  it('is public only where the contract declares no security', () => {
    for (const op of operations) {
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      expect([op.operationId, GATEWAY_ACCESS[op.operationId].grants === 'public']).toEqual([op.operationId, isPublic]);
    }
  });

  it('is documented in docs/ACCESS.md as rendered (npm run access:table)', () => {
    expect(fs.readFileSync(repoPath('docs/ACCESS.md'), 'utf8')).toBe(renderAccessTable(GATEWAY_ACCESS, operations));
  });
});
