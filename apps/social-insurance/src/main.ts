import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { SOCIAL_INSURANCE_APP } from './social-insurance.app';

runApp(SOCIAL_INSURANCE_APP);
