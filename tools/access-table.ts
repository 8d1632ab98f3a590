import * as fs from 'node:fs';
import { repoPath } from '@tongban/config';
import { loadContract, renderAccessTable } from '@tongban/http';
import { GATEWAY_ACCESS } from '../apps/gateway/src/gateway.access';

/** Writes docs/ACCESS.md from the gateway's authorisation matrix and the contract's operations. */
const table = renderAccessTable(GATEWAY_ACCESS, loadContract().operations);
fs.writeFileSync(repoPath('docs/ACCESS.md'), table);
console.log('wrote docs/ACCESS.md');
