import * as path from 'node:path';
import * as fs from 'node:fs';
import { configSchema, RawConfig } from './config.schema';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Typed, validated configuration: constructed once at boot, injected as a concrete class. */
export class AppConfig {
  readonly env: RawConfig['NODE_ENV'];
  readonly production: boolean;
  readonly log: { level: RawConfig['LOG_LEVEL']; pretty: boolean };
  readonly database: { url: string; poolSize: number };
  readonly kafka: {
    brokers: string[];
    clientId: string;
    replicationFactor: number;
    namespace: string;
    sasl?: { username: string; password: string };
  };
  readonly http: { host: string; bodyLimit: string; ports: Record<AppName, number> };
  readonly credentialsFile: string;
  readonly subjectKeys: string;
  readonly subjectKeyVersion: number | undefined;
  readonly outbox: { pollMs: number; batchSize: number; lingerMs: number };
  readonly consumer: { maxAttempts: number; backoffMs: number };
  readonly idempotencyRetentionHours: number;
  readonly rateLimit: { perSecond: number; burst: number };
  readonly requestTimeoutMs: number;
  /** write logs to this file instead of stdout (the personal-data log test reads it) */
  readonly logFile: string | undefined;
  /** mutual TLS on the gateway: server certificate and key, and the Tongban CA that signs client certificates */
  readonly tls: { cert: string; key: string; ca: string } | undefined;
  readonly allowBearerTokens: boolean;
  readonly ledger: { perServiceEventsUntil: string };

  constructor(raw: RawConfig) {
    this.env = raw.NODE_ENV;
    this.production = raw.NODE_ENV === 'production';
    const pretty = raw.LOG_FORMAT === 'auto' ? !this.production && process.stdout.isTTY === true : raw.LOG_FORMAT === 'pretty';
    this.log = { level: raw.LOG_LEVEL, pretty };
    this.database = { url: raw.DATABASE_URL, poolSize: raw.DATABASE_POOL_SIZE };
    this.kafka = {
      brokers: raw.KAFKA_BROKERS.split(',').map((b) => b.trim()),
      clientId: raw.KAFKA_CLIENT_ID,
      replicationFactor: raw.KAFKA_REPLICATION_FACTOR,
      namespace: raw.KAFKA_NAMESPACE,
      sasl:
        raw.KAFKA_SASL_USERNAME && raw.KAFKA_SASL_PASSWORD
          ? { username: raw.KAFKA_SASL_USERNAME, password: raw.KAFKA_SASL_PASSWORD }
          : undefined,
    };
    this.http = {
      host: raw.HTTP_HOST,
      bodyLimit: raw.HTTP_BODY_LIMIT,
      ports: {
        gateway: raw.GATEWAY_PORT,
        'residence-permit': raw.RESIDENCE_PERMIT_PORT,
        'social-insurance': raw.SOCIAL_INSURANCE_PORT,
        'medical-settlement': raw.MEDICAL_SETTLEMENT_PORT,
        ledger: raw.LEDGER_PORT,
      },
    };
    // Development credentials and pseudonymisation keys are public test values; production must name its own.
    if (this.production && !raw.CREDENTIALS_FILE) throw new ConfigError('CREDENTIALS_FILE: required when NODE_ENV=production');
    if (this.production && !raw.SUBJECT_KEYS) throw new ConfigError('SUBJECT_KEYS: required when NODE_ENV=production');
    this.credentialsFile = raw.CREDENTIALS_FILE ?? repoPath('deploy/local/credentials.dev.json');
    if (!fs.existsSync(this.credentialsFile)) throw new ConfigError(`CREDENTIALS_FILE: no such file ${this.credentialsFile}`);
    this.subjectKeys = raw.SUBJECT_KEYS ?? DEV_SUBJECT_KEYS;
    this.subjectKeyVersion = raw.SUBJECT_KEY_VERSION;
    if (Boolean(raw.KAFKA_SASL_USERNAME) !== Boolean(raw.KAFKA_SASL_PASSWORD))
      throw new ConfigError('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD: set both or neither');
    this.outbox = { pollMs: raw.OUTBOX_POLL_MS, batchSize: raw.OUTBOX_BATCH_SIZE, lingerMs: raw.OUTBOX_LINGER_MS };
    this.consumer = { maxAttempts: raw.CONSUMER_MAX_ATTEMPTS, backoffMs: raw.CONSUMER_BACKOFF_MS };
    this.idempotencyRetentionHours = raw.IDEMPOTENCY_RETENTION_HOURS;
    this.rateLimit = { perSecond: raw.RATE_LIMIT_PER_SECOND, burst: raw.RATE_LIMIT_BURST };
    this.requestTimeoutMs = raw.REQUEST_TIMEOUT_MS;
    this.logFile = raw.LOG_FILE;
    const tlsFiles = [raw.TLS_CERT_FILE, raw.TLS_KEY_FILE, raw.TLS_CA_FILE];
    if (tlsFiles.some(Boolean) && !tlsFiles.every(Boolean))
      throw new ConfigError('TLS_CERT_FILE, TLS_KEY_FILE and TLS_CA_FILE: set all three or none');
    for (const [name, file] of [
      ['TLS_CERT_FILE', raw.TLS_CERT_FILE],
      ['TLS_KEY_FILE', raw.TLS_KEY_FILE],
      ['TLS_CA_FILE', raw.TLS_CA_FILE],
    ] as const) {
      if (file && !fs.existsSync(file)) throw new ConfigError(`${name}: no such file ${file}`);
    }
    this.tls =
      raw.TLS_CERT_FILE && raw.TLS_KEY_FILE && raw.TLS_CA_FILE
        ? { cert: raw.TLS_CERT_FILE, key: raw.TLS_KEY_FILE, ca: raw.TLS_CA_FILE }
        : undefined;
    // Bearer tokens are the development credential; production with mutual TLS turns them off unless asked.
    this.ledger = { perServiceEventsUntil: raw.LEDGER_PER_SERVICE_EVENTS_UNTIL };
    this.allowBearerTokens = raw.ALLOW_BEARER_TOKENS ? raw.ALLOW_BEARER_TOKENS === 'true' : !(this.production && this.tls);
  }
}

export type AppName = 'gateway' | 'residence-permit' | 'social-insurance' | 'medical-settlement' | 'ledger';

/** A fixed, public key for development and tests only (32 bytes of 'tongban-dev…'). */
const DEV_SUBJECT_KEYS = `1:${Buffer.from('tongban-development-subject-key!').toString('base64')}`;

/** Parses the environment; a wrong or missing variable stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return new AppConfig(parsed.data);
}

/** Absolute path of a file in the repository (works from src/ under ts-jest and from dist/ at run time). */
export function repoPath(relative: string): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'contracts', 'openapi.yaml')) && !fs.existsSync(path.join(dir, 'nest-cli.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new ConfigError(`cannot locate the repository root from ${__dirname}`);
    dir = parent;
  }
  return path.join(dir, relative);
}
