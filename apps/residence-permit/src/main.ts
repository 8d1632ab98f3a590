import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { RESIDENCE_SCHEMA } from '@tongban/residence';
import { ResidencePermitModule } from './residence-permit.module';

runApp({ name: 'residence-permit', module: ResidencePermitModule, consumer: { ...CONSUMER_GROUPS.residencePermit, inboxSchema: RESIDENCE_SCHEMA } });
