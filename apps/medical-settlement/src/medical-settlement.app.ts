import type { AppSpec } from '@tongban/http';
import { MedicalSettlementModule } from './medical-settlement.module';

/** The medical-settlement app as it runs: main.ts and every test that starts it use this one definition. */
export const MEDICAL_SETTLEMENT_APP: AppSpec = {
  name: 'medical-settlement',
  module: MedicalSettlementModule,
};
