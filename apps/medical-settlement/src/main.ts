import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { MEDICAL_SETTLEMENT_APP } from './medical-settlement.app';

runApp(MEDICAL_SETTLEMENT_APP);
