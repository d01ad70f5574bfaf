import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy, type SqlCondition } from '../../auth/visibility';
import { newestFirst, newestFirstCursor, newestFirstPage } from '../../db/newest-first-page';
import type { Page, PageRequest } from '../../shared/paging/page';
import { normaliseCodes } from '../agency/agency-codes';
import { SeizureEntity } from './seizure.entity';
import type { SeizureFilter } from './seizure.inputs';
import { readPlanned } from './seizure-planned-read';
import type { SeizureReadPlan } from './seizure-read-plan';
import { referenceKey } from './seizure.validation';

const SEIZURES_NEWEST_FIRST = newestFirst<SeizureEntity>({
  kind: 'seizure',
  alias: 's',
  timeColumn: 'seized_at',
  keyOf: (seizure) => ({ time: seizure.seizedAt, id: seizure.id }),
});

/** Reading seizures, always under the visibility rule. */
export class SeizureService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  async byIds(ids: readonly string[]): Promise<SeizureEntity[]> {
    return this.readable().andWhere('s.id = ANY(:ids)', { ids }).getMany();
  }

  /** A page of readable seizures, newest first (forwards or backwards). */
  async list(filter: SeizureFilter | null | undefined, page: PageRequest): Promise<Page<SeizureEntity>> {
    return newestFirstPage(this.filtered(filter ?? {}), SEIZURES_NEWEST_FIRST, page);
  }

  /** The same page, read as planned: one statement with what the plan nests. */
  async listPlanned(filter: SeizureFilter | null | undefined, page: PageRequest, plan: SeizureReadPlan): Promise<Page<SeizureEntity>> {
    return newestFirstPage(this.filtered(filter ?? {}), SEIZURES_NEWEST_FIRST, page, (query) => readPlanned(query, plan));
  }

  /** A readable seizure by database id, read as planned; null when there is none the caller may read. */
  async byIdPlanned(id: string, plan: SeizureReadPlan): Promise<SeizureEntity | null> {
    const [seizure] = await readPlanned(this.readable().andWhere('s.id = :id', { id }), plan);
    return seizure ?? null;
  }

  /** Which of these seizures the caller may read and the filter selects. */
  async selectedIds(ids: readonly string[], filter: SeizureFilter | null | undefined): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.filtered(filter ?? {}).select('s.id', 'id').andWhere('s.id = ANY(:ids)', { ids }).getRawMany();
    return new Set(rows.map((row) => row.id));
  }

  static cursorOf(seizure: SeizureEntity): string {
    return newestFirstCursor(SEIZURES_NEWEST_FIRST, seizure);
  }

  /** Seizures the caller may read, as a query to narrow further. */
  readable(): SelectQueryBuilder<SeizureEntity> {
    const visible = readableBy('s', this.caller);
    return this.manager.getRepository(SeizureEntity).createQueryBuilder('s').where(visible.clause, visible.params);
  }

  private filtered(filter: SeizureFilter): SelectQueryBuilder<SeizureEntity> {
    const query = this.readable();
    for (const condition of seizureFilterConditions(filter)) query.andWhere(condition.clause, condition.params);
    return query;
  }
}

/**
 * What a seizure filter asks of a seizure under alias `s`, as conditions with named parameters
 * (TypeORM style): the one reading of the filter, for lists and for statistics alike.
 */
export function seizureFilterConditions(filter: SeizureFilter): SqlCondition[] {
  const conditions: SqlCondition[] = [];
  const add = (clause: string, params: Record<string, unknown> = {}) => conditions.push({ clause, params });
  if (filter.jurisdiction?.length) add('s.jurisdiction = ANY(:jurisdictions)', { jurisdictions: filter.jurisdiction });
  if (filter.agency?.length) {
    add('s.agency_id IN (SELECT a.id FROM agency a WHERE a.code = ANY(:agencyCodes))', { agencyCodes: normaliseCodes(filter.agency) });
  }
  if (filter.seizedFrom) add('s.seized_at >= :seizedFrom', { seizedFrom: filter.seizedFrom });
  if (filter.seizedTo) add('s.seized_at <= :seizedTo', { seizedTo: filter.seizedTo });
  if (filter.itemKind?.length) {
    add('EXISTS (SELECT 1 FROM item i WHERE i.seizure_id = s.id AND i.kind = ANY(:itemKinds))', { itemKinds: filter.itemKind });
  }
  if (filter.reference !== null && filter.reference !== undefined) {
    add('s.reference_key = :referenceKey', { referenceKey: referenceKey(filter.reference) });
  }
  return conditions;
}
