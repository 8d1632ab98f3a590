import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '@tongban/errors';
import { agencyKinds, AGENCY_KINDS } from '@tongban/identity';
import type { Grantee } from './auth.credentials';
import { ContractValidator } from './contract.validator';

export interface AccessRule {
  /** the agency kinds (and/or operators) the AuthGuard admits; 'public' needs no credential */
  grants: readonly Grantee[] | 'public';
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
      throw new Error(
        `authorisation matrix out of step with contracts/openapi.yaml: missing ${missing.join(', ') || '-'}; unknown ${stale.join(', ') || '-'}`,
      );
    }
  }

  grantsFor(req: Request): AccessRule['grants'] {
    const routePath = (req.route as { path?: string } | undefined)?.path;
    const op = routePath ? this.contract.operationFor(req.method, routePath) : undefined;
    // fail closed: a route the contract does not describe has no rule
    if (!op) throw new DomainError(ErrorCode.Internal, 'this route is not described by the contract');
    return this.matrix[op.spec.operationId].grants;
  }
}

/** Grantees as a table cell: every agency kind is written once as "any region agency". */
function grantsCell(grants: AccessRule['grants']): string {
  if (grants === 'public') return 'public';
  const all = agencyKinds().every((k) => grants.includes(k));
  const named = grants.filter((g) => g === 'operator' || !all);
  return [...(all ? ['any region agency'] : []), ...named].join(', ');
}

/** The matrix as a Markdown table (docs/ACCESS.md). */
export function renderAccessTable(matrix: AccessMatrix, operations: Array<{ operationId: string; method: string; path: string }>): string {
  const rows = operations.map((o) => {
    const rule = matrix[o.operationId];
    return `| \`${o.method} ${o.path}\` | ${o.operationId} | ${grantsCell(rule.grants)} | ${rule.who} |`;
  });
  return [
    '# Authorisation matrix',
    '',
    'Rendered from `apps/gateway/src/gateway.access.ts` (`npm run access:table`); a test fails when it is stale.',
    '',
    'A credential (bearer token or client certificate) names a region **and** the kind of agency acting for it,',
    "as X-Road's member subsystems do; operators are apart. The gateway admits an operation only to the",
    'agency kinds granted below; the rule in the last column is enforced by the domain service, which answers',
    '404 to a region without a relationship to the person or resource, and accepts a fact only from its author.',
    '',
    '| agency kind | 中文 |',
    '|---|---|',
    ...agencyKinds().map((k) => `| \`${k}\` | ${AGENCY_KINDS[k]} |`),
    '',
    '| operation | operationId | granted to | who |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
