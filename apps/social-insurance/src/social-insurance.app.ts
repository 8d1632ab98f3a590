import type { AppSpec } from '@tongban/http';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { SOCIAL_INSURANCE_SCHEMA } from '@tongban/social-insurance';
import { SocialInsuranceAppModule } from './social-insurance.module';

/** The social-insurance app as it runs: main.ts and every test that starts it use this one definition. */
export const SOCIAL_INSURANCE_APP: AppSpec = {
  name: 'social-insurance',
  module: SocialInsuranceAppModule,
  consumer: { ...CONSUMER_GROUPS.socialInsurance, inboxSchema: SOCIAL_INSURANCE_SCHEMA },
};
