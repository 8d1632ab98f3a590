import { Controller, Get } from '@nestjs/common';
import type { Schemas } from '@tongban/contracts';
import { AuditLog } from '@tongban/http';

@Controller('v1/ops/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get('verification')
  async verify(): Promise<Schemas['AuditChainReport']> {
    await this.audit.chain();
    return this.audit.verify();
  }
}
