/** A request's connection was lost earlier in the request; its transaction is gone. */
export class DatabaseConnectionLost extends Error {
  readonly code = 'CONNECTION_LOST';
  constructor() {
    super('the database connection was lost during this request; its transaction was rolled back');
  }
}

/**
 * Whether an error means the database could not serve the request: no pooled connection within
 * the configured wait, the server down, restarting or refusing connections, the connection lost
 * mid-request, or a statement cancelled by the statement timeout. Such a request changed nothing
 * (its transaction never committed), so the client may safely retry it.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: any = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (matches(current)) return true;
    // TypeORM wraps driver errors; GraphQL wraps resolver errors (and values it does not take for errors).
    current = current.driverError ?? current.cause ?? current.originalError ?? current.thrownValue;
  }
  return false;
}

// SQLSTATE classes: 08 connection exception, 57P01-57P03 shutdown/crash/cannot connect now,
// 57014 query cancelled (the statement timeout), 53300 too many connections.
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|57014|53300)$/;
const UNAVAILABLE_SYSCALLS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect', // node-postgres: no pooled connection within connectionTimeoutMillis
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

function matches(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_SYSCALLS.has(code) || code === 'CONNECTION_LOST') return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return UNAVAILABLE_MESSAGES.some((text) => message.includes(text));
}
