import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { SocialInsuranceModule } from './social-insurance.module';

runApp({ name: 'social-insurance', module: SocialInsuranceModule, consumer: { ...CONSUMER_GROUPS.socialInsurance, inboxSchema: 'social_insurance' } });
