import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { TransferFilter, TransferQueryService, TransferService } from '@tongban/social-insurance';
import { requestActor } from '../gateway.request';

type Transfer = Schemas['SocialInsuranceTransfer'];

/** Social-insurance transfers (社保关系转移接续): the regions drive the steps; operators read the queue. */
@Controller('v1/social-insurance/transfers')
export class SocialInsuranceController {
  constructor(
    private readonly transfers: TransferService,
    private readonly queries: TransferQueryService,
  ) {}

  @Post()
  @HttpCode(202)
  async request(
    @Body() body: Schemas['RequestTransferRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Transfer> {
    const transfer = await this.transfers.request(body, requestActor(caller, req));
    res.setHeader('Location', `/v1/social-insurance/transfers/${transfer.transferId}`);
    return transfer;
  }

  @Get()
  list(
    @Query() query: Omit<TransferFilter, 'limit'> & { limit?: number },
    @CurrentCaller() caller: Caller,
  ): Promise<Schemas['SocialInsuranceTransferPage']> {
    return this.queries.list({ ...query, limit: query.limit ?? 50 }, caller);
  }

  @Get(':transferId')
  get(@Param('transferId') transferId: string, @CurrentCaller() caller: Caller): Promise<Transfer> {
    return this.queries.get(transferId, caller);
  }

  @Post(':transferId/contact-letter')
  @HttpCode(200)
  contactLetter(
    @Param('transferId') id: string,
    @Body() body: Schemas['TransferContactLetterRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Transfer> {
    return this.transfers.contactLetter(id, body, requestActor(caller, req));
  }

  @Post(':transferId/certificate')
  @HttpCode(200)
  certificate(
    @Param('transferId') id: string,
    @Body() body: Schemas['TransferCertificateRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Transfer> {
    return this.transfers.certificate(id, body, requestActor(caller, req));
  }

  @Post(':transferId/remittance')
  @HttpCode(200)
  remittance(
    @Param('transferId') id: string,
    @Body() body: Schemas['TransferRemittanceRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Transfer> {
    return this.transfers.remittance(id, body, requestActor(caller, req));
  }

  @Post(':transferId/receipt')
  @HttpCode(200)
  receipt(
    @Param('transferId') id: string,
    @Body() body: Schemas['TransferReceiptRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Transfer> {
    return this.transfers.receipt(id, body, requestActor(caller, req));
  }

  @Post(':transferId/refusal')
  @HttpCode(200)
  refusal(
    @Param('transferId') id: string,
    @Body() body: Schemas['TransferRefusalRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Transfer> {
    return this.transfers.refusal(id, body, requestActor(caller, req));
  }

  @Post(':transferId/cancellation')
  @HttpCode(200)
  cancellation(
    @Param('transferId') id: string,
    @Body() body: Schemas['TransferCancellationRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Transfer> {
    return this.transfers.cancellation(id, body, requestActor(caller, req));
  }
}
