import * as fs from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { TlsOptions } from 'node:tls';
import type { HttpsOptions } from '@nestjs/common/interfaces/external/https-options.interface';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { edgeMiddleware } from './edge.middleware';
import { AppConfig, AppName, ConfigError, loadConfig } from '@tongban/config';
import { Database } from '@tongban/database';
import { DomainError } from '@tongban/errors';
import { nameProcess } from '@tongban/metrics';
import { ConsumerOptions, EventValidator, KafkaClient, OutboxRelays, TongbanKafkaServer } from '@tongban/messaging';

export interface AppSpec {
  name: AppName;
  module: Type<unknown>;
  consumer?: Omit<ConsumerOptions, 'maxAttempts' | 'backoffMs'>;
}

export interface RunningApp {
  app: NestExpressApplication;
  consumer?: TongbanKafkaServer;
  url: string;
  shutdown: () => Promise<void>;
}

/**
 * Creates and starts one app: HTTP, its Kafka consumer (an @EventPattern microservice), its outbox
 * relays. Shutdown runs in a fixed order — HTTP, consumers, relays and producer, database — so no
 * accepted request loses its events and no consumer writes after the database is gone.
 */
export async function startApp(spec: AppSpec, opts: { port?: number } = {}): Promise<RunningApp> {
  nameProcess(spec.name);
  const tls = spec.name === 'gateway' ? loadConfig().tls : undefined;
  const app = await NestFactory.create<NestExpressApplication>(spec.module, {
    bufferLogs: true,
    bodyParser: false,
    httpsOptions: tls && mutualTls(tls),
  });
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: config.http.bodyLimit, type: ['application/json', 'application/*+json'] });
  app.disable('x-powered-by');
  app.use(edgeMiddleware);
  let consumer: TongbanKafkaServer | undefined;
  if (spec.consumer) {
    consumer = new TongbanKafkaServer(app.get(Database), app.get(KafkaClient), app.get(EventValidator), {
      ...spec.consumer,
      maxAttempts: config.consumer.maxAttempts,
      backoffMs: config.consumer.backoffMs,
    });
    app.connectMicroservice({ strategy: consumer });
  }
  // Module init applies the migrations; consumers and relays start only after it.
  await app.init();
  if (consumer) await app.startAllMicroservices();
  const relays = app.get(OutboxRelays);
  await relays.start();
  const port = opts.port ?? config.http.ports[spec.name];
  await app.listen(port, config.http.host);
  const httpServer = app.getHttpServer() as HttpServer;
  httpServer.requestTimeout = config.requestTimeoutMs;
  httpServer.headersTimeout = Math.min(config.requestTimeoutMs, 60000);
  const address = httpServer.address();
  const url = `${tls ? 'https' : 'http'}://${config.http.host}:${typeof address === 'object' && address ? address.port : port}`;
  app.get(Logger).log({ url, consumer: spec.consumer?.groupId ?? null }, `${spec.name} listening on ${url}`);

  let closing: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (closing ??= (async () => {
      const server = app.getHttpServer() as HttpServer;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await consumer?.close();
      await relays.stop();
      await app.get(KafkaClient).disconnect();
      await app.close(); // remaining hooks; the database pool closes last
    })());
  return { app, consumer, url, shutdown };
}

/** Mutual TLS: only clients with a certificate from the Tongban CA complete the handshake. */
function mutualTls(files: { cert: string; key: string; ca: string }): HttpsOptions & Pick<TlsOptions, 'minVersion'> {
  return {
    cert: fs.readFileSync(files.cert),
    key: fs.readFileSync(files.key),
    ca: fs.readFileSync(files.ca),
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
  };
}

/** Entry point of an app process: validated config, start, and an orderly stop on SIGINT/SIGTERM. */
export function runApp(spec: AppSpec): void {
  try {
    loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${spec.name}: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  startApp(spec).then(
    (running) => {
      const stop = (signal: string): void => {
        running.app.get(Logger).log(`${spec.name} stopping on ${signal}`);
        running.shutdown().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`${spec.name}: shutdown failed: ${String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    },
    (error: unknown) => {
      process.stderr.write(`${spec.name}: start failed: ${startFailure(error)}\n`);
      process.exit(1);
    },
  );
}

/**
 * A refusal of data the app starts with (a stored or bundled catalogue or city policy that does not
 * validate) is one line naming what and which clause, like a configuration error; anything else keeps
 * its stack, which is what a developer needs.
 */
export function startFailure(error: unknown): string {
  if (error instanceof DomainError) {
    const clause = typeof error.extensions.clause === 'string' ? ` (clause ${error.extensions.clause})` : '';
    return `${error.code}: ${error.detail}${clause}`.replace(/\s*\n\s*/g, ' ');
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export type { AppConfig };
