import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { RESIDENCE_PERMIT_APP } from './residence-permit.app';

runApp(RESIDENCE_PERMIT_APP);
