import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@tongban/database';
import { CatalogueRegistry } from './catalogue.registry';

/** How often a process looks for versions published by another process (one cheap query). */
export const CATALOGUE_REFRESH_MS = 5_000;

/**
 * Every app holding the catalogue checks the stored versions periodically and loads new ones, so a
 * version published through the gateway reaches the ledger app without a redeploy. (A version's
 * effective day needs no reload: the registry picks the version in force on each call.)
 */
@Injectable()
export class CatalogueRefreshJob extends PeriodicJob {
  constructor(private readonly registry: CatalogueRegistry) {
    super('catalogue-refresh', CATALOGUE_REFRESH_MS);
  }

  protected async work(): Promise<void> {
    if (await this.registry.refresh()) this.logger.log({ inForce: this.registry.inForce() }, 'new catalogue versions loaded');
  }
}
