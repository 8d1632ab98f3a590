import type { AppSpec } from '@tongban/http';
import { ResidencePermitModule } from './residence-permit.module';

/** The residence-permit app as it runs: main.ts and every test that starts it use this one definition. */
export const RESIDENCE_PERMIT_APP: AppSpec = {
  name: 'residence-permit',
  module: ResidencePermitModule,
};
