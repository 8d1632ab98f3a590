import * as fs from 'node:fs';
import * as path from 'node:path';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application, NextFunction, Request, Response } from 'express';
import { repoPath } from '@tongban/config';

export const CONSOLE_DIR = 'libs/ops/console';
export const CONSOLE_PATH = '/console';

/** The console may run its own scripts and styles and call its own origin; nothing else, no framing. */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  type: string;
  body: Buffer;
}

/**
 * Serves the operator console (static HTML/CSS/JS modules, no CDN) at /console as plain express
 * middleware, outside Nest routing: the files are public, every datum they show comes from the
 * operator-only /v1/ops APIs with the operator's bearer token. The files are read once at boot and
 * served from a fixed list, so no request path ever reaches the file system.
 */
@Injectable()
export class ConsoleStatic implements OnModuleInit {
  private readonly assets = new Map<string, Asset>();

  constructor(private readonly adapterHost: HttpAdapterHost) {
    const dir = repoPath(CONSOLE_DIR);
    for (const file of fs.readdirSync(dir)) {
      const type = TYPES[path.extname(file)];
      if (type) this.assets.set(file, { type, body: fs.readFileSync(path.join(dir, file)) });
    }
  }

  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter?.getInstance<Application>();
    // Registered after the Nest routes and before Nest's not-found handler.
    server?.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => this.serve(req, res, next));
  }

  private serve(req: Request, res: Response, next: NextFunction): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/' && !req.originalUrl.split('?')[0].endsWith('/')) return res.redirect(301, `${CONSOLE_PATH}/`);
    const name = req.path === '/' ? 'index.html' : req.path.slice(1);
    const asset = this.assets.get(name);
    if (!asset) return next();
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', 'no-cache');
    res.status(200).end(req.method === 'HEAD' ? undefined : asset.body);
  }
}
