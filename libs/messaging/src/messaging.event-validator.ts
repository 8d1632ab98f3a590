import * as fs from 'node:fs';
import { Injectable } from '@nestjs/common';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { repoPath } from '@tongban/config';
import { DomainError, ErrorCode } from '@tongban/errors';
import { EVENT_TYPES, EventType, schemaFileOf } from './messaging.event-types';

/** Validates event data against its JSON Schema in contracts/events, on produce and on consume. */
@Injectable()
export class EventValidator {
  private readonly validators = new Map<EventType, ValidateFunction>();

  constructor() {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const type of Object.keys(EVENT_TYPES) as EventType[]) {
      const schema: unknown = JSON.parse(fs.readFileSync(repoPath(schemaFileOf(type)), 'utf8'));
      this.validators.set(type, ajv.compile(schema as object));
    }
  }

  validate(type: EventType, data: unknown): void {
    const validate = this.validators.get(type);
    if (!validate) throw new DomainError(ErrorCode.EventSchemaViolation, `no schema for event type ${type}`);
    if (!validate(data)) {
      const errors = (validate.errors ?? []).map((e) => ({ field: `/data${e.instancePath}`, message: e.message ?? 'invalid' }));
      throw new DomainError(ErrorCode.EventSchemaViolation, `event ${type} does not match its schema`, { errors });
    }
  }

  schemaUri(type: EventType): string {
    return `urn:tongban:event-schema:${type}`;
  }
}
