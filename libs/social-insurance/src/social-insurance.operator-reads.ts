import type { OperatorReads } from '@tongban/database';
import { SOCIAL_INSURANCE_SCHEMA } from './transfer.types';

const GROUP = '社保转移接续队列';

/** Open transfers by the step they wait for (view and function in migrations/0190_operator_views.sql). */
export const SOCIAL_INSURANCE_OPERATOR_READS: OperatorReads = {
  schema: SOCIAL_INSURANCE_SCHEMA,
  queues: [
    { id: 'si-transfers-contact-letter', label: '社保转移接续·待转入地审核并发出联系函', group: GROUP, kind: 'transfer', statutory: true },
    { id: 'si-transfers-certificate', label: '社保转移接续·待出具参保缴费凭证', group: GROUP, kind: 'transfer', statutory: true },
    { id: 'si-transfers-remittance', label: '社保转移接续·待转移基金', group: GROUP, kind: 'transfer', statutory: true },
    { id: 'si-transfers-receipt', label: '社保转移接续·待转入地确认接收', group: GROUP, kind: 'transfer', statutory: true },
  ],
  itemKinds: ['transfer'],
};
