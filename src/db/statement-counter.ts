import { AbstractLogger, type LogLevel, type LogMessage, type QueryRunner } from 'typeorm';
import { logger } from '../shared/logger';

let statements = 0;

/** Number of SQL statements sent by this process so far (read as a difference around some work). */
export function sqlStatementCount(): number {
  return statements;
}

/**
 * TypeORM logger that counts every statement it is told about and passes only errors and
 * warnings on to the log (without the query parameters, which hold case data): statement counts are how tests prove there is no N+1, and how benchmarks report
 * statements per request.
 */
export class CountingLogger extends AbstractLogger {
  logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    statements++;
    super.logQuery(query, parameters, queryRunner);
  }

  protected writeLog(level: LogLevel, message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    if (level !== 'error' && level !== 'warn') return;
    for (const entry of Array.isArray(message) ? message : [message]) {
      logger[level]({ component: 'db' }, String(typeof entry === 'object' ? entry.message : entry));
    }
  }
}
