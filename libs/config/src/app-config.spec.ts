import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', KAFKA_BROKERS: '127.0.0.1:9092' };

describe('loadConfig', () => {
  it('builds a typed config with defaults', () => {
    const c = loadConfig(base);
    expect(c.kafka.brokers).toEqual(['127.0.0.1:9092']);
    expect(c.http.ports.gateway).toBe(8080);
    expect(c.consumer).toEqual({ maxAttempts: 4, backoffMs: 200 });
    expect(c.production).toBe(false);
  });

  it.each([
    [{ KAFKA_BROKERS: '127.0.0.1:9092' }, 'DATABASE_URL'],
    [{ ...base, KAFKA_BROKERS: 'nonsense' }, 'KAFKA_BROKERS'],
    [{ ...base, GATEWAY_PORT: '99999' }, 'GATEWAY_PORT'],
    [{ ...base, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ...base, IDEMPOTENCY_RETENTION_HOURS: '1' }, 'IDEMPOTENCY_RETENTION_HOURS'],
    [{ ...base, NODE_ENV: 'production' }, 'CREDENTIALS_FILE'],
    [{ ...base, RATE_LIMIT_PER_SECOND: '0' }, 'RATE_LIMIT_PER_SECOND'],
  ])('stops start-up naming the wrong or missing variable (%#)', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
