import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig } from '@tongban/config';
import { REDACT_PATHS } from './logging.redaction';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-Id when it is well formed, else a fresh one; echoed on every response. */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

export function pinoOptions(config: AppConfig, app: string): PinoHttpOptions {
  return {
    level: config.log.level,
    base: { app },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    genReqId: requestIdFor,
    customAttributeKeys: { reqId: 'requestId' },
    // URLs carry no personal data by contract; query strings are dropped anyway to keep it that way.
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
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
            // fields added with PinoLogger.assign (the acting region) also go on the 'request completed' line
            assignResponse: true,
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
