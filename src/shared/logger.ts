import pino from 'pino';
import { logLevel } from '../config/env';

/** Error fields that can carry case data (bound values, or PostgreSQL's detail quoting them): never logged. */
const CASE_DATA = ['parameters', 'detail', 'where'];

function errorWithoutCaseData(error: Error): Record<string, unknown> {
  const serialised = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const field of CASE_DATA) delete serialised[field];
  const driverError = serialised.driverError as Record<string, unknown> | undefined;
  if (driverError) serialised.driverError = Object.fromEntries(Object.entries(driverError).filter(([key]) => !CASE_DATA.includes(key)));
  return serialised;
}

/**
 * JSON logs, one object a line. Tokens, notes and identifiers of persons are never logged: the
 * authorization header is redacted should a request ever be logged whole, and database errors
 * lose the values they were given.
 */
export function createLogger(level: string, destination: pino.DestinationStream) {
  return pino(
    {
      level,
      base: undefined,
      redact: ['req.headers.authorization', '*.authorization', '*.token'],
      serializers: { err: errorWithoutCaseData },
    },
    destination,
  );
}

/** The process's logger, on standard error. */
export const logger = createLogger(logLevel(), pino.destination(2));

export type Logger = ReturnType<typeof createLogger>;
