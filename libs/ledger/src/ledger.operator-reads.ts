import type { OperatorReads } from '@tongban/database';
import { LEDGER_SCHEMA } from './ledger.types';

/** The ledger's operator queues and item pages (views and function in migrations/0190…0194). */
export const LEDGER_OPERATOR_READS: OperatorReads = {
  schema: LEDGER_SCHEMA,
  queues: [
    { id: 'ledger-handoffs', label: '待处理交接', group: '待处理交接', kind: 'handoff-case', statutory: true },
    { id: 'ledger-disputes', label: '争议·交接异议', group: '争议', kind: 'handoff', statutory: true },
    { id: 'ledger-fact-disputes', label: '争议·户籍/参保变更异议', group: '争议', kind: 'fact-change', statutory: false },
    { id: 'ledger-gaps', label: '缺口', group: '缺口与档案比对', kind: 'gap', statutory: false },
    { id: 'ledger-reconciliation', label: '档案比对差异', group: '缺口与档案比对', kind: 'reconciliation-item', statutory: false },
  ],
  itemKinds: ['handoff-case', 'handoff', 'fact-change', 'gap', 'reconciliation-item'],
};
