import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tongban/errors';
import type { AgencyKind } from '@tongban/identity';
import { TransferRepository } from './transfer.repository';
import { InsuranceType, Transfer, TRANSFER_AGENCY, TransferFilter, TransferPage, toView } from './transfer.types';

/** Who reads: a region's agency, or an operator (region null). */
export interface TransferViewer {
  region: string | null;
  agency: AgencyKind | null;
}

/** The insurance type an agency handles (人社 pension, 医保 medical), if any. */
const typeOf = (agency: AgencyKind | null): InsuranceType | undefined =>
  (Object.keys(TRANSFER_AGENCY) as InsuranceType[]).find((t) => TRANSFER_AGENCY[t] === agency);

/** Reads for the two regions of a transfer (the agency of its insurance type) and for operators. */
@Injectable()
export class TransferQueryService {
  constructor(private readonly transfers: TransferRepository) {}

  async get(transferId: string, viewer: TransferViewer): Promise<Transfer> {
    const t = await this.transfers.find(transferId);
    const party =
      viewer.region === null ||
      ((viewer.region === t?.inboundRegion || viewer.region === t?.outboundRegion) && typeOf(viewer.agency) === t?.insuranceType);
    if (!t || !party) throw new DomainError(ErrorCode.NotFound, 'no such transfer');
    return toView(t, await this.transfers.history(transferId));
  }

  /** The queue view: a region's agency sees only the transfers of its type it is party to; operators see all, or one region's. */
  async list(query: TransferFilter, viewer: TransferViewer): Promise<TransferPage> {
    const own = viewer.region === null ? undefined : typeOf(viewer.agency);
    if (own !== undefined && query.insuranceType !== undefined && query.insuranceType !== own) {
      throw new DomainError(ErrorCode.Forbidden, `a ${viewer.agency} agency lists ${own} transfers only`, {
        field: '/query/insuranceType',
      });
    }
    const filter: TransferFilter = own === undefined ? query : { ...query, insuranceType: own };
    return this.page(filter, viewer.region);
  }

  private async page(filter: TransferFilter, viewer: string | null): Promise<TransferPage> {
    if (viewer !== null && filter.region !== undefined && filter.region !== viewer) {
      throw new DomainError(ErrorCode.Forbidden, 'a region lists only its own transfers; omit `region`', { field: '/query/region' });
    }
    if (viewer === null && filter.region === undefined && (filter.role !== undefined || filter.awaiting !== undefined)) {
      throw new DomainError(ErrorCode.ValidationFailed, '`role` and `awaiting` need `region` for operators', {
        field: '/query/region',
        errors: [{ field: '/query/region', message: 'is required with role or awaiting' }],
      });
    }
    const rows = await this.transfers.list(filter, viewer);
    const page = rows.slice(0, filter.limit);
    const more = rows.length > filter.limit;
    return { items: page.map((t) => toView(t)), next: more ? (page[page.length - 1].seq ?? null) : null };
  }
}
