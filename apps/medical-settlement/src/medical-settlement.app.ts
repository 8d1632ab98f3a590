import type { AppSpec } from '@tongban/http';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { MEDICAL_SCHEMA } from '@tongban/medical';
import { MedicalSettlementModule } from './medical-settlement.module';

/** The medical-settlement app as it runs: main.ts and every test that starts it use this one definition. */
export const MEDICAL_SETTLEMENT_APP: AppSpec = {
  name: 'medical-settlement',
  module: MedicalSettlementModule,
  consumer: { ...CONSUMER_GROUPS.medicalSettlement, inboxSchema: MEDICAL_SCHEMA },
};
