import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@tongban/config';
import { Database } from './database';
import { migrate, MigrationSet } from './database.migrator';

const MIGRATION_SETS = 'TONGBAN_MIGRATION_SETS';

/** Applies this app's migrations before anything else initialises; closes the pool last on shutdown. */
@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly db: Database,
    @Inject(MIGRATION_SETS) private readonly sets: MigrationSet[],
    private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const applied = await migrate(this.db, this.sets);
    this.logger.log({ applied, schemas: this.sets.map((s) => s.schema) }, 'database migrations applied');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(sets: MigrationSet[]): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: MIGRATION_SETS, useValue: sets },
        { provide: Database, inject: [AppConfig], useFactory: (c: AppConfig) => Database.connect(c.database.url, c.database.poolSize) },
        DatabaseLifecycle,
      ],
      exports: [Database],
    };
  }
}
