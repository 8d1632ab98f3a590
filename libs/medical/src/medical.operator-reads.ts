import type { OperatorReads } from '@tongban/database';
import { MEDICAL_SCHEMA } from './medical.types';

const GROUP = '异地就医结算与清算';

/**
 * Settlements waiting for clearing, statements waiting for confirmation, disputed lines; the pages of
 * those and of filings (migrations/0190_operator_views.sql, 0191_operator_queue_filters.sql).
 */
export const MEDICAL_OPERATOR_READS: OperatorReads = {
  schema: MEDICAL_SCHEMA,
  queues: [
    { id: 'medical-settlements', label: '异地就医结算·待清算', group: GROUP, kind: 'settlement', statutory: false },
    { id: 'medical-statements', label: '清算单·待确认', group: GROUP, kind: 'statement', statutory: false },
    { id: 'medical-clearing-disputes', label: '争议·清算单异议', group: '争议', kind: 'statement-line', statutory: false },
  ],
  itemKinds: ['settlement', 'statement', 'statement-line', 'filing'],
};
