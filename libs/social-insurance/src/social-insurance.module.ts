import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { CalendarModule } from '@tongban/calendar';
import { CatalogueModule } from '@tongban/catalogue';
import { MESSAGING_MIGRATIONS, MigrationSet } from '@tongban/database';
import { TransferClockService } from './transfer-clock.service';
import { TransferDeadlines } from './transfer.deadlines';
import { HukouRegionSource } from './transfer.hukou';
import { TransferQueryService } from './transfer-query.service';
import { TransferRepository } from './transfer.repository';
import { TransferService } from './transfer.service';
import { SOCIAL_INSURANCE_SCHEMA } from './transfer.types';

export const SOCIAL_INSURANCE_MIGRATIONS: MigrationSet = {
  schema: SOCIAL_INSURANCE_SCHEMA,
  dirs: [MESSAGING_MIGRATIONS, 'libs/social-insurance/migrations'],
};

/** How an app binds the port the transfer commands need: the module providing its adapter, and the adapter. */
export interface TransferCommandsBinding {
  imports: NonNullable<ModuleMetadata['imports']>;
  hukouRegions: Type<HukouRegionSource>;
}

/**
 * Transfers: queries and statutory clocks (social-insurance app); with `withCommands`, the commands as well
 * (gateway), which need the person's hukou region from the app's binding of HukouRegionSource and the evidence
 * the catalogue in force requires (CatalogueModule: the app's DatabaseModule needs CATALOGUE_MIGRATIONS).
 * Needs IdentityModule (global).
 */
@Module({
  imports: [CalendarModule],
  providers: [TransferDeadlines, TransferRepository, TransferQueryService, TransferClockService],
  // the calendar (and its ChinaClock) for the apps' schedulers
  exports: [CalendarModule, TransferDeadlines, TransferQueryService, TransferClockService],
})
export class SocialInsuranceModule {
  static withCommands(binding: TransferCommandsBinding): DynamicModule {
    return {
      module: SocialInsuranceModule,
      imports: [CatalogueModule, ...binding.imports],
      providers: [TransferService, { provide: HukouRegionSource, useClass: binding.hukouRegions }],
      exports: [TransferService],
    };
  }
}
