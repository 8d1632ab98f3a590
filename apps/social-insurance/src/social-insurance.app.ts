import type { AppSpec } from '@tongban/http';
import { SocialInsuranceAppModule } from './social-insurance.module';

/** The social-insurance app as it runs: main.ts and every test that starts it use this one definition. */
export const SOCIAL_INSURANCE_APP: AppSpec = {
  name: 'social-insurance',
  module: SocialInsuranceAppModule,
};
