import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** Every environment variable the apps read. README's configuration table mirrors this list. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty', 'auto']).default('auto'),
  DATABASE_URL: z
    .string()
    .url()
    .refine((u) => /^postgres(ql)?:/.test(u), 'must be a postgres:// URL'),
  DATABASE_POOL_SIZE: positiveInt.default(10),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .refine((s) => s.split(',').every((b) => /^[^\s:,]+:\d+$/.test(b.trim())), 'must be host:port[,host:port…]'),
  KAFKA_CLIENT_ID: z.string().min(1).default('tongban'),
  KAFKA_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9._-]{0,60}$/, 'lower-case letters, digits, . _ - (at most 60)')
    .default(''),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  KAFKA_REPLICATION_FACTOR: positiveInt.default(1),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_PORT: port.default(8080),
  RESIDENCE_PERMIT_PORT: port.default(8081),
  SOCIAL_INSURANCE_PORT: port.default(8082),
  MEDICAL_SETTLEMENT_PORT: port.default(8083),
  LEDGER_PORT: port.default(8084),
  CREDENTIALS_FILE: z.string().min(1).optional(),
  SUBJECT_KEYS: z.string().min(1).optional(),
  SUBJECT_KEY_VERSION: positiveInt.optional(),
  OUTBOX_POLL_MS: positiveInt.default(500),
  OUTBOX_BATCH_SIZE: positiveInt.max(5000).default(2000),
  OUTBOX_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(25),
  CONSUMER_MAX_ATTEMPTS: positiveInt.max(20).default(4),
  CONSUMER_BACKOFF_MS: positiveInt.default(200),
  IDEMPOTENCY_RETENTION_HOURS: positiveInt.min(24).default(48),
  RATE_LIMIT_PER_SECOND: positiveInt.default(500),
  RATE_LIMIT_BURST: positiveInt.default(1000),
  REQUEST_TIMEOUT_MS: positiveInt.default(30000),
  LOG_FILE: z.string().min(1).optional(),
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  TLS_CA_FILE: z.string().min(1).optional(),
  ALLOW_BEARER_TOKENS: z.enum(['true', 'false']).optional(),
  // the last day (China) the ledger still writes its per-service handoff events next to the case events
  LEDGER_PER_SERVICE_EVENTS_UNTIL: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
    .default('2027-06-30'),
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('1mb'),
});

export type RawConfig = z.infer<typeof configSchema>;
