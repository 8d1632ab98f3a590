import { MESSAGING_MIGRATIONS, MigrationSet } from '@tongban/database';

/** The operators' dead-letter store, shared by every consumer group. */
export const DEAD_LETTER_MIGRATIONS: MigrationSet = { schema: 'messaging', dirs: ['libs/messaging/migrations-central'] };

/** A schema that only carries outbox and inbox (an app whose own tables are still to come). */
export const messagingOnly = (schema: string): MigrationSet => ({ schema, dirs: [MESSAGING_MIGRATIONS] });
