import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tongban/errors';
import { TransferRepository } from './transfer.repository';
import { Transfer, TransferFilter, TransferPage, toView } from './transfer.types';

/** Reads for the two regions of a transfer and for operators (viewer null). */
@Injectable()
export class TransferQueryService {
  constructor(private readonly transfers: TransferRepository) {}

  async get(transferId: string, viewer: string | null): Promise<Transfer> {
    const t = await this.transfers.find(transferId);
    if (!t || (viewer !== null && viewer !== t.inboundRegion && viewer !== t.outboundRegion)) throw new DomainError(ErrorCode.NotFound, 'no such transfer');
    return toView(t, await this.transfers.history(transferId));
  }

  /** The queue view: a region sees only the transfers it is party to; operators see all, or one region's. */
  async list(filter: TransferFilter, viewer: string | null): Promise<TransferPage> {
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
