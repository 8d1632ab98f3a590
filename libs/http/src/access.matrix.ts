import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '@tongban/errors';
import type { Role } from './auth.credentials';
import { ContractValidator } from './contract.validator';

export interface AccessRule {
  /** roles the AuthGuard admits; 'public' needs no credential */
  roles: readonly Role[] | 'public';
  /** the resource-level rule the domain service enforces (documentation; rendered in docs/ACCESS.md) */
  who: string;
}

/** operationId of the OpenAPI document → rule. */
export type AccessMatrix = Record<string, AccessRule>;

export const ACCESS_MATRIX = 'TONGBAN_ACCESS_MATRIX';

/** The authorisation matrix checked against the contract at boot: every operation has exactly one rule. */
@Injectable()
export class AccessPolicy {
  constructor(
    @Inject(ACCESS_MATRIX) readonly matrix: AccessMatrix,
    private readonly contract: ContractValidator,
  ) {
    const operations = new Set(contract.contract.operations.map((o) => o.operationId));
    const missing = [...operations].filter((id) => !matrix[id]);
    const stale = Object.keys(matrix).filter((id) => !operations.has(id));
    if (missing.length > 0 || stale.length > 0) {
      throw new Error(`authorisation matrix out of step with contracts/openapi.yaml: missing ${missing.join(', ') || '-'}; unknown ${stale.join(', ') || '-'}`);
    }
  }

  rolesFor(req: Request): AccessRule['roles'] {
    const routePath = (req.route as { path?: string } | undefined)?.path;
    const op = routePath ? this.contract.operationFor(req.method, routePath) : undefined;
    // fail closed: a route the contract does not describe has no rule
    if (!op) throw new DomainError(ErrorCode.Internal, 'this route is not described by the contract');
    return this.matrix[op.spec.operationId].roles;
  }
}

/** The matrix as a Markdown table (docs/ACCESS.md). */
export function renderAccessTable(matrix: AccessMatrix, operations: Array<{ operationId: string; method: string; path: string }>): string {
  const rows = operations.map((o) => {
    const rule = matrix[o.operationId];
    const roles = rule.roles === 'public' ? 'public' : rule.roles.join(', ');
    return `| \`${o.method} ${o.path}\` | ${o.operationId} | ${roles} | ${rule.who} |`;
  });
  return [
    '# Authorisation matrix',
    '',
    'Rendered from `apps/gateway/src/gateway.access.ts` (`npm run access:table`); a test fails when it is stale.',
    'Roles are enforced by the gateway for every operation; the rule in the last column by the domain service,',
    'which answers 404 to a region without a relationship to the resource.',
    '',
    '| operation | operationId | roles | who |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
