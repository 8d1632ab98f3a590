import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { LEDGER_APP } from './ledger.app';

runApp(LEDGER_APP);
