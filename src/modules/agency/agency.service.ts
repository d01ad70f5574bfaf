import type { EntityManager } from 'typeorm';
import { ErrorCode, Problems } from '../../shared/domain-error';
import { DomainError } from '../../shared/domain-error';
import { AgencyEntity } from './agency.entity';

const CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const NAME_MAX = 500;

export interface AgencyDraft {
  code: string;
  name: string;
  jurisdiction: string;
}

/** Agencies: registered by ADMINs, readable by every authenticated caller. */
export class AgencyService {
  constructor(private readonly manager: EntityManager) {}

  list(): Promise<AgencyEntity[]> {
    return this.manager.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
  }

  async byIds(ids: readonly string[]): Promise<AgencyEntity[]> {
    return this.manager
      .getRepository(AgencyEntity)
      .createQueryBuilder('a')
      .where('a.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** Ids of the agencies with these codes (upper-cased), in the order given; null for an unknown code. */
  async idsByCodes(codes: readonly string[]): Promise<(string | null)[]> {
    const upper = codes.map((c) => c.trim().toUpperCase());
    const rows = await this.manager
      .getRepository(AgencyEntity)
      .createQueryBuilder('a')
      .select(['a.id', 'a.code'])
      .where('a.code = ANY(:codes)', { codes: upper })
      .getMany();
    const byCode = new Map(rows.map((a) => [a.code, a.id]));
    return upper.map((c) => byCode.get(c) ?? null);
  }

  async create(input: AgencyDraft): Promise<AgencyEntity> {
    const code = input.code.trim().toUpperCase();
    const name = input.name.trim();
    const problems = new Problems();
    if (!CODE.test(code)) {
      problems.add(ErrorCode.INVALID_INPUT, 'code must be 2 to 32 letters, digits or hyphens, e.g. FR-PAF', ['input', 'code']);
    }
    if (name === '') problems.add(ErrorCode.INVALID_INPUT, 'name must not be empty', ['input', 'name']);
    if (name.length > NAME_MAX) problems.add(ErrorCode.INVALID_INPUT, `name must be at most ${NAME_MAX} characters`, ['input', 'name']);
    problems.throwIfAny();

    const inserted: Array<Record<string, unknown>> = await this.manager.query(
      `INSERT INTO agency (code, name, jurisdiction) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [code, name, input.jurisdiction],
    );
    if (inserted.length === 0) {
      throw DomainError.of(ErrorCode.CONFLICT, `an agency with code ${code} is already registered`, ['input', 'code']);
    }
    return this.manager.getRepository(AgencyEntity).findOneByOrFail({ id: inserted[0].id as string });
  }
}
