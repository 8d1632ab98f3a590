import * as fs from 'node:fs';
import { z } from 'zod';
import transferPolicyV1Json from '../../data/transfer-policy.v1.json';
import transferPolicyV2Json from '../../data/transfer-policy.v2.json';

/**
 * The transfer policy is data (libs/social-insurance/data/transfer-policy.v*.json), not code: rates, start
 * year and time limits change by regulation, and a new version is a new file. The loader validates the file
 * strictly (unknown members are rejected, so a misspelt key cannot silently fall back to nothing).
 */
export interface TransferPolicy {
  readonly policyId: 'social-insurance-transfer';
  readonly version: number;
  /** YYYY-MM-DD from which this version applies. */
  readonly effectiveFrom: string;
  /** The regulations the numbers come from. */
  readonly sources: readonly string[];
  readonly pension: {
    /** Pooled-fund part transferred, in ‰ of each month's contribution base (120 = 12 %). */
    readonly pooledRatePermille: number;
    /** First calendar year whose contribution months count toward the pooled part (1998). */
    readonly pooledStartYear: number;
    /** Working days allowed for each step of the pension transfer (inbound check, outbound transfer, inbound booking). */
    readonly stepWorkingDays: number;
    /** Accumulated contribution years in a place that make it a pension collection place (Art. 6: 10). */
    readonly collectionMinContributionYears: number;
    /**
     * Share of a month's contribution base credited to the individual account (个人账户), in ‰, from a month on
     * (ascending). Prices the individual-account share refunded for cleared duplicate months. Absent in v1.
     */
    readonly individualAccountRates?: readonly IndividualAccountRate[];
  };
  readonly medical: {
    readonly outboundWorkingDays: number;
    readonly inboundWorkingDays: number;
  };
}

export interface IndividualAccountRate {
  /** YYYY-MM from which the rate applies */
  readonly from: string;
  readonly ratePermille: number;
}

const workingDays = z.number().int().min(1).max(60);
const accountRates = z
  .array(
    z
      .object({ from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'), ratePermille: z.number().int().min(1).max(1000) })
      .strict(),
  )
  .min(1)
  .refine((rates) => rates.every((r, i) => i === 0 || r.from > rates[i - 1].from), 'must be in strictly ascending order of `from`');

const policySchema = z
  .object({
    policyId: z.literal('social-insurance-transfer'),
    version: z.number().int().positive(),
    effectiveFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD'),
    sources: z.array(z.string().min(1)).min(1),
    pension: z
      .object({
        pooledRatePermille: z.number().int().min(1).max(1000),
        pooledStartYear: z.number().int().min(1951).max(2100),
        stepWorkingDays: workingDays,
        collectionMinContributionYears: z.number().int().min(1).max(50),
        individualAccountRates: accountRates.optional(),
      })
      .strict(),
    medical: z.object({ outboundWorkingDays: workingDays, inboundWorkingDays: workingDays }).strict(),
  })
  .strict();

/** The policy file is deployed with the code; a bad one is a server fault, not a client error. */
export class TransferPolicyError extends Error {
  constructor(source: string, problems: readonly string[]) {
    super(`invalid transfer policy ${source}: ${problems.join('; ')}`);
    this.name = 'TransferPolicyError';
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

/** Validates raw policy data; returns a deeply frozen TransferPolicy or throws TransferPolicyError. */
export function parseTransferPolicy(raw: unknown, source = 'transfer policy'): TransferPolicy {
  const result = policySchema.safeParse(raw);
  if (!result.success) {
    throw new TransferPolicyError(
      source,
      result.error.issues.map((issue) => `/${issue.path.join('/')}: ${issue.message}`),
    );
  }
  const policy: TransferPolicy = result.data;
  return deepFreeze(policy);
}

/** Reads and validates a policy file (e.g. a newer version deployed alongside v1). */
export function loadTransferPolicyFile(path: string): TransferPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch (e) {
    throw new TransferPolicyError(path, [e instanceof Error ? e.message : String(e)]);
  }
  return parseTransferPolicy(raw, path);
}

let v1: TransferPolicy | undefined;
let v2: TransferPolicy | undefined;

/** The bundled libs/social-insurance/data/transfer-policy.v1.json, validated once. */
export function loadTransferPolicyV1(): TransferPolicy {
  v1 ??= parseTransferPolicy(transferPolicyV1Json, 'transfer-policy.v1.json');
  return v1;
}

/** The bundled libs/social-insurance/data/transfer-policy.v2.json (adds the individual-account rates), validated once. */
export function loadTransferPolicyV2(): TransferPolicy {
  v2 ??= parseTransferPolicy(transferPolicyV2Json, 'transfer-policy.v2.json');
  return v2;
}

/** The policy new computations use: the latest bundled version. Stored results keep the version they were made with. */
export function loadCurrentTransferPolicy(): TransferPolicy {
  return loadTransferPolicyV2();
}
