import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { SOCIAL_INSURANCE_SCHEMA } from '@tongban/social-insurance';
import { SocialInsuranceAppModule } from './social-insurance.module';

runApp({ name: 'social-insurance', module: SocialInsuranceAppModule, consumer: { ...CONSUMER_GROUPS.socialInsurance, inboxSchema: SOCIAL_INSURANCE_SCHEMA } });
