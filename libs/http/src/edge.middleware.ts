import type { NextFunction, Request, Response } from 'express';
import { routeTemplate } from '@tongban/logging';
import { metrics } from '@tongban/metrics';

/** Security headers for a JSON API (the console sets its own CSP), and the latency histogram. */
export function edgeMiddleware(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  if (!res.getHeader('Content-Security-Policy')) res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
  const end = metrics().httpDuration.startTimer({ method: req.method });
  res.once('finish', () => {
    // the route template, never the concrete URL (which may carry ids)
    end({ route: routeTemplate(req), status: String(res.statusCode) });
  });
  next();
}
