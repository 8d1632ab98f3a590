import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig } from '@tongban/config';
import { containsCitizenId } from '@tongban/identity';
import { REDACT_PATHS } from './logging.redaction';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const OPAQUE_TOKEN = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The caller's X-Request-Id when it is a UUID or a short opaque token carrying no citizen ID number,
 * else a fresh UUID: the id is echoed, logged on every line and stored with every write and event, so
 * personal data must never ride in it. Echoed on every response.
 */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const acceptable = typeof given === 'string' && (UUID.test(given) || OPAQUE_TOKEN.test(given)) && !containsCitizenId(given);
  const id = acceptable ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The route template of a matched request (`/v1/residence-permits/:permitId`), never the concrete path, which may carry anything. */
export function routeTemplate(req: IncomingMessage): string {
  const r = req as IncomingMessage & { route?: { path?: string }; baseUrl?: string };
  return r.route?.path ? `${r.baseUrl ?? ''}${r.route.path}` : 'unmatched';
}

/** The acting credential of an authenticated request, as the gateway's AuthGuard sets it. */
interface Acting {
  region: string | null;
  agency: string | null;
  credentialId: string;
  role: string;
}

/**
 * What the 'request completed' line adds to pino-http's fields: the route template (known once routing
 * ran) and who acted. Added to the line itself, not as bindings of a child logger: each child costs a
 * serialization and a redaction pass, and four per request were a tenth of the gateway's CPU.
 */
export function completionFields(req: IncomingMessage): Record<string, unknown> {
  const caller = (req as IncomingMessage & { caller?: Acting }).caller;
  const route = routeTemplate(req);
  return caller ? { route, region: caller.region, agency: caller.agency, credential: caller.credentialId, role: caller.role } : { route };
}

export function pinoOptions(config: AppConfig, app: string): PinoHttpOptions {
  return {
    level: config.log.level,
    base: { app },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    genReqId: requestIdFor,
    customAttributeKeys: { reqId: 'requestId' },
    // Logs carry the route template, never the raw path or query (a caller may put anything in a URL).
    // The template and the acting credential are known once routing and authentication ran, so they
    // are added to the completion line only.
    serializers: {
      req: (req: { id: string; method: string }) => ({ id: req.id, method: req.method }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessObject: (req, _res, fields: Record<string, unknown>) => ({ ...fields, ...completionFields(req) }),
    customErrorObject: (req, _res, _error, fields: Record<string, unknown>) => ({ ...fields, ...completionFields(req) }),
    transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true, colorize: true } } : undefined,
  };
}

@Module({})
export class LoggingModule {
  static forApp(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: config.logFile
              ? [{ ...pinoOptions(config, app), transport: undefined }, pino.destination({ dest: config.logFile, sync: true, mkdir: true })]
              : pinoOptions(config, app),
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
