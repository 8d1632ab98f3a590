import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { GATEWAY_APP } from './gateway.app';

runApp(GATEWAY_APP);
