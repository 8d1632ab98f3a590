import { Module } from '@nestjs/common';
import { CalendarModule } from '@tongban/calendar';
import { MigrationSet } from '@tongban/database';
import { ServiceCatalogue } from './catalogue.model';
import { CataloguePublisher } from './catalogue.publisher';
import { CatalogueRefreshJob } from './catalogue.refresh.job';
import { CatalogueRegistry } from './catalogue.registry';
import { CATALOGUE_SCHEMA, CatalogueRepository } from './catalogue.repository';
import { CityPolicies } from './city-policy.model';

export const CATALOGUE_MIGRATIONS: MigrationSet = { schema: CATALOGUE_SCHEMA, dirs: ['libs/catalogue/migrations'] };

/**
 * A live view of the object in force: every property read goes to the version `current()` returns at
 * that moment, so the services injected with ServiceCatalogue or CityPolicies follow a newly effective
 * version without being rebuilt. (instanceof still holds: the view's prototype is the class's.)
 */
export function liveView<T extends object>(prototype: T, current: () => T): T {
  return new Proxy(Object.create(prototype) as T, {
    get: (_target, property) => {
      const target = current();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    getPrototypeOf: () => prototype,
  });
}

/**
 * The catalogue and city policies as managed data (schema `catalogue`): the registry of stored versions,
 * their publication, the periodic check for versions published elsewhere, and the catalogue and
 * policies in force as injectable live views. Needs DatabaseModule in the app, with CATALOGUE_MIGRATIONS.
 */
@Module({
  imports: [CalendarModule],
  providers: [
    CatalogueRepository,
    CatalogueRegistry,
    CataloguePublisher,
    CatalogueRefreshJob,
    {
      provide: ServiceCatalogue,
      inject: [CatalogueRegistry],
      useFactory: (r: CatalogueRegistry) => liveView(ServiceCatalogue.prototype, () => r.catalogue()),
    },
    {
      provide: CityPolicies,
      inject: [CatalogueRegistry],
      useFactory: (r: CatalogueRegistry) => liveView(CityPolicies.prototype, () => r.policies()),
    },
  ],
  exports: [CatalogueRegistry, CataloguePublisher, ServiceCatalogue, CityPolicies],
})
export class CatalogueModule {}
