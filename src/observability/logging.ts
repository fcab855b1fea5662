import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LogLevel } from '../config/config';

/** The service's pino logger at `level`, to stdout unless a destination is given. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  // Keys are never logged: the authorization headers are not in the serialized request at all.
  return pino({ level, base: { service: 'outlook-connectivity-kb' } }, destination);
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * One JSON line per request with its id: X-Request-Id when the caller sends a usable one, a new
 * UUID otherwise, echoed in the response. Bodies (ticket text, facts) and headers are not
 * logged; the path is logged without its query string.
 */
export function httpLogger(logger: Logger): RequestHandler {
  // Above info, no request is logged but failed ones; pino-http's per-request child logger and
  // hooks then cost a quarter of the throughput for nothing, so a lighter handler does the rest.
  if (!logger.isLevelEnabled('info')) {
    return (req, res, next) => {
      const id = requestId(req, res);
      res.on('finish', () => {
        if (res.statusCode >= 500) logger.error({ req: { id, method: req.method, path: req.path }, res: { statusCode: res.statusCode } }, 'request errored');
      });
      next();
    };
  }
  return pinoHttp({
    logger,
    genReqId: requestId,
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
