import type { components, operations, paths } from './generated/openapi';

export type { components, operations, paths };
export type { EventDataByType } from './generated/events';
/** REST schemas by name, generated from contracts/openapi.yaml. */
export type Schemas = components['schemas'];
