import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy, type SqlCondition } from '../../auth/visibility';
import { PLANNED_FOR_ITS_VALUES } from '../../db/named-statements';
import { survivorJoin, withMergedIds } from '../supplier/survivor-sql';

/** One row of a walk's answer: a node, an edge, a seizure, an origin, a restricted hit (id: the owning agency) or the truncation flag. */
export interface WalkRow {
  kind: string;
  id: string | null;
  depth: number | null;
  handling: string | null;
  /** The whole row of a node's supplier, an edge's movement or a restricted hit's agency, as JSON keyed by column; otherwise null. */
  record: Record<string, unknown> | null;
}

const READABLE = /\{\{readable (\w+)\}\}/g;
const SURVIVOR = /\{\{survivor ([\w.]+) AS (\w+)\}\}/g;
const WITH_MERGED = /\{\{with merged ([\w.]+)\}\}/g;
const WHERE = /\{\{where (\w+)\}\}/g;

/**
 * A graph walk kept as SQL in a file beside its service, with `{{readable alias}}` marking
 * where the caller's visibility condition (src/auth/visibility.ts) applies, and
 * `{{survivor id AS alias}}` and `{{with merged ids}}` where a merged supplier stands for its
 * survivor (src/modules/supplier/survivor-sql.ts), and `{{where name}}` where the caller of
 * `build` fills in conditions of its own (a filter, for example).
 */
export class WalkQuery {
  private readonly template: string;

  /** `file`: beside this one, or an absolute path (a walk of another module, kept beside its service). */
  constructor(file: string) {
    // Comments go first: a condition filled into a comment would end it mid-line.
    this.template = readFileSync(resolve(__dirname, file), 'utf8')
      .replace(/--.*$/gm, '')
      .replace(SURVIVOR, (_, party: string, alias: string) => survivorJoin(party, alias))
      .replace(WITH_MERGED, (_, ids: string) => withMergedIds(ids));
  }

  /**
   * The SQL with the caller's visibility conditions filled in, and `where`'s conditions (all of
   * a name's, joined by AND; none is true), with their named parameters.
   */
  build(caller: Caller, where: Record<string, SqlCondition[]> = {}): { sql: string; params: Record<string, unknown> } {
    let params: Record<string, unknown> = {};
    const fill = (conditions: SqlCondition[]) => {
      for (const condition of conditions) params = { ...params, ...condition.params };
      return conditions.length > 0 ? conditions.map((condition) => `(${condition.clause})`).join(' AND ') : 'true';
    };
    const sql = this.template
      .replace(READABLE, (_, alias: string) => fill([readableBy(alias, caller)]))
      .replace(WHERE, (_, name: string) => {
        if (!where[name]) throw new Error(`no conditions given for {{where ${name}}}`);
        return fill(where[name]);
      });
    return { sql, params };
  }

  /** Runs the walk in one statement, planned for where it starts (see PLANNED_FOR_ITS_VALUES); its rows are WalkRows unless it says otherwise. */
  async run<R = WalkRow>(manager: EntityManager, caller: Caller, parameters: Record<string, unknown>, where: Record<string, SqlCondition[]> = {}): Promise<R[]> {
    const { sql, params } = this.build(caller, where);
    const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, { ...params, ...parameters });
    return manager.query(PLANNED_FOR_ITS_VALUES + query, values);
  }
}
