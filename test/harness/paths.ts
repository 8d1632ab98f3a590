// Jest's moduleNameMapper does not apply to globalSetup/globalTeardown; resolve @tongban/* here.
import * as path from 'node:path';
import { register } from 'tsconfig-paths';
import { compilerOptions } from '../../tsconfig.base.json';

register({ baseUrl: path.resolve(__dirname, '..', '..'), paths: compilerOptions.paths });
