import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { SubjectService } from '@tongban/ledger';
import { requestActor } from '../gateway.request';

@Controller('v1/subjects')
export class SubjectsController {
  constructor(private readonly subjects: SubjectService) {}

  @Post()
  @HttpCode(201)
  register(
    @Body() body: Schemas['RegisterSubjectRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['SubjectResponsibilities']> {
    return this.subjects.register(body, requestActor(caller, req));
  }

  @Get(':subjectRef/responsibilities')
  responsibilities(@Param('subjectRef') subjectRef: string, @CurrentCaller() caller: Caller): Promise<Schemas['SubjectResponsibilities']> {
    return this.subjects.responsibilities(subjectRef, caller.region);
  }
}
