import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { DomainError, ErrorCode, Problems } from '../../shared/domain-error';
import { LIMITS, optionalText } from '../../shared/text-fields';
import type { ItemEntity } from '../item/item.entity';
import { ItemService } from '../item/item.service';
import { ItemMatchEntity } from './item-match.entity';
import type { ItemLinkInput, ItemMatchDecideInput } from './item-match.inputs';
import { seenFrom, type MatchFromItem } from './item-match.service';
import { MatchBasis, MatchStatus } from './matching.enums';

/** Items named by database id: null when the id given names no item. */
type NamedPair<T> = Omit<T, 'itemId' | 'otherItemId'> & { itemId: string | null; otherItemId: string | null };

/**
 * Decisions on matches, and analysts' own links: shared facts that any analyst who can read
 * both items may make or change; each keeps who made it and when.
 */
export class ItemMatchDecisionService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  async decide(input: NamedPair<ItemMatchDecideInput>): Promise<MatchFromItem> {
    const problems = new Problems();
    const note = optionalText(input.note, LIMITS.notes, ['input', 'note'], problems);
    const [item, other] = await this.readablePair(input, problems);
    const [itemA, itemB] = [item.id, other.id].sort();
    const { affected } = await this.manager
      .createQueryBuilder()
      .update(ItemMatchEntity)
      .set({
        status: input.status,
        ...(note !== null ? { note } : {}),
        decidedBy: this.caller.subject,
        decidedByAgencyId: this.caller.agency.id,
        decidedAt: () => 'now()',
      })
      .where('item_a = :itemA AND item_b = :itemB', { itemA, itemB })
      .execute();
    if (!affected) {
      throw DomainError.of(ErrorCode.NOT_FOUND, 'there is no match between these items; link them with itemLink', ['input', 'otherItemId']);
    }
    return this.seenFrom(item.id, other.id);
  }

  async link(input: NamedPair<ItemLinkInput>): Promise<MatchFromItem> {
    const problems = new Problems();
    const note = optionalText(input.note, LIMITS.notes, ['input', 'note'], problems);
    if (note === null) problems.add(ErrorCode.INVALID_INPUT, 'note must say why the items are the same', ['input', 'note']);
    const [item, other] = await this.readablePair(input, problems);
    if (item.kind !== other.kind) {
      throw DomainError.of(ErrorCode.INVALID_INPUT, `only items of the same kind can be the same item (${item.kind}, ${other.kind})`, ['input', 'otherItemId']);
    }
    const [itemA, itemB] = [item.id, other.id].sort();
    await this.manager.query(
      `INSERT INTO item_match (item_a, item_b, basis, score, reasons, status, note, decided_by, decided_by_agency_id, decided_at)
       VALUES ($1, $2, $3, 1, ARRAY['linked by an analyst'], $4, $5, $6, $7, now())
       ON CONFLICT (item_a, item_b) DO UPDATE
          SET status = EXCLUDED.status, note = EXCLUDED.note, decided_by = EXCLUDED.decided_by,
              decided_by_agency_id = EXCLUDED.decided_by_agency_id, decided_at = EXCLUDED.decided_at`,
      [itemA, itemB, MatchBasis.ANALYST_LINK, MatchStatus.CONFIRMED, note, this.caller.subject, this.caller.agency.id],
    );
    return this.seenFrom(item.id, other.id);
  }

  /** Both items, readable by the caller (NOT_FOUND otherwise) and distinct; throws the problems found. */
  private async readablePair(input: { itemId: string | null; otherItemId: string | null }, problems: Problems): Promise<[ItemEntity, ItemEntity]> {
    const ids = [input.itemId, input.otherItemId];
    const found = new Map(
      (await new ItemService(this.manager, this.caller).byIds(ids.filter((id): id is string => id !== null))).map((i) => [i.id, i]),
    );
    const [item, other] = ids.map((id) => (id ? found.get(id) : undefined));
    if (!item) problems.add(ErrorCode.NOT_FOUND, 'no such item, or not readable by you', ['input', 'itemId']);
    if (!other) problems.add(ErrorCode.NOT_FOUND, 'no such item, or not readable by you', ['input', 'otherItemId']);
    if (item && other && item.id === other.id) problems.add(ErrorCode.INVALID_INPUT, 'an item cannot match itself', ['input', 'otherItemId']);
    problems.throwIfAny();
    return [item!, other!];
  }

  private async seenFrom(itemId: string, otherItemId: string): Promise<MatchFromItem> {
    const [itemA, itemB] = [itemId, otherItemId].sort();
    return seenFrom(await this.manager.getRepository(ItemMatchEntity).findOneByOrFail({ itemA, itemB }), itemId);
  }
}
