import pino from 'pino';

/**
 * JSON logs on standard error. Tokens, notes and identifiers of persons are never logged:
 * the authorization header is redacted should a request ever be logged whole.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: undefined,
  redact: ['req.headers.authorization', '*.authorization', '*.token'],
}, pino.destination(2));

export type Logger = typeof logger;
