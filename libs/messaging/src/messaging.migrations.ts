import { MigrationSet } from '@tongban/database';

/** The operators' dead-letter store, shared by every consumer group. */
export const DEAD_LETTER_MIGRATIONS: MigrationSet = { schema: 'messaging', dirs: ['libs/messaging/migrations-central'] };
