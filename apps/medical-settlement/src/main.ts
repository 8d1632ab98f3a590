import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { MEDICAL_SCHEMA } from '@tongban/medical';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { MedicalSettlementModule } from './medical-settlement.module';

runApp({ name: 'medical-settlement', module: MedicalSettlementModule, consumer: { ...CONSUMER_GROUPS.medicalSettlement, inboxSchema: MEDICAL_SCHEMA } });
