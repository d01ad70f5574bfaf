import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import { ErrorCode, type Problems } from '../../shared/domain-error';
import { LIMITS, optionalText } from '../../shared/text-fields';
import { TransportMode } from '../movement/movement.enums';
import { RouteLegEntity } from './route-leg.entity';
import type { CorridorFilter, RouteLegInput } from './route.inputs';
import type { CorridorType } from './route.type';

export const MAX_LEGS = 50;

export type RouteLegDraft = Pick<RouteLegEntity, 'country' | 'place' | 'mode'>;

/** Validates a recorded route (at most 50 legs; places at most 500 characters). */
export function validateRoute(legs: RouteLegInput[] | null | undefined, problems: Problems): RouteLegDraft[] {
  if (!legs) return [];
  if (legs.length > MAX_LEGS) {
    problems.add(ErrorCode.INVALID_INPUT, `a route has at most ${MAX_LEGS} legs, got ${legs.length}`, ['input', 'route']);
    return [];
  }
  return legs.map((leg, i) => ({
    country: leg.country,
    place: optionalText(leg.place, LIMITS.name, ['input', 'route', String(i), 'place'], problems),
    mode: leg.mode ?? TransportMode.UNKNOWN,
  }));
}

/** Routes recorded with seizures, and the corridors that movements and routes show. */
export class RouteService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  /** The legs of readable seizures, in order. */
  async legsOf(seizureIds: readonly string[]): Promise<RouteLegEntity[]> {
    const visible = readableBy('s', this.caller);
    return this.manager
      .getRepository(RouteLegEntity)
      .createQueryBuilder('leg')
      .innerJoin('leg.seizure', 's')
      .where(visible.clause, visible.params)
      .andWhere('leg.seizure_id = ANY(:seizureIds)', { seizureIds })
      .orderBy('leg.seizure_id')
      .addOrderBy('leg.position')
      .getMany();
  }

  /**
   * Country-to-country flows in a time window: readable movements between two different
   * countries, and consecutive legs of readable seizures' routes; busiest first.
   */
  async corridors(filter: CorridorFilter): Promise<CorridorType[]> {
    const movementVisible = readableBy('m', this.caller);
    const seizureVisible = readableBy('s', this.caller);
    const kinds = filter.itemKind?.length ? filter.itemKind : null;
    const rows: Array<{ from_country: string; to_country: string; movements: number; seizures: number; modes: TransportMode[] }> =
      await this.manager.query(
        ...this.manager.connection.driver.escapeQueryWithParameters(
          `WITH flow AS (
             SELECT m.from_country, m.to_country, m.mode, 'movement' AS source, m.id
               FROM movement m
              WHERE ${movementVisible.clause}
                AND m.from_country IS NOT NULL AND m.to_country IS NOT NULL AND m.from_country <> m.to_country
                AND (CAST(:fromTime AS timestamptz) IS NULL OR m.occurred_at >= CAST(:fromTime AS timestamptz))
                AND (CAST(:toTime AS timestamptz) IS NULL OR m.occurred_at <= CAST(:toTime AS timestamptz))
                AND (CAST(:kinds AS item_kind[]) IS NULL OR EXISTS (
                      SELECT 1 FROM movement_item mi JOIN item i ON i.id = mi.item_id
                       WHERE mi.movement_id = m.id AND i.kind = ANY(CAST(:kinds AS item_kind[]))))
             UNION ALL
             SELECT leg.country, next_leg.country, next_leg.mode, 'seizure', s.id
               FROM seizure s
               JOIN route_leg leg ON leg.seizure_id = s.id
               JOIN route_leg next_leg ON next_leg.seizure_id = s.id AND next_leg.position = leg.position + 1
              WHERE ${seizureVisible.clause}
                AND leg.country <> next_leg.country
                AND (CAST(:fromTime AS timestamptz) IS NULL OR s.seized_at >= CAST(:fromTime AS timestamptz))
                AND (CAST(:toTime AS timestamptz) IS NULL OR s.seized_at <= CAST(:toTime AS timestamptz))
                AND (CAST(:kinds AS item_kind[]) IS NULL OR EXISTS (
                      SELECT 1 FROM item i WHERE i.seizure_id = s.id AND i.kind = ANY(CAST(:kinds AS item_kind[]))))
           )
           SELECT from_country, to_country,
                  count(DISTINCT id) FILTER (WHERE source = 'movement')::int AS movements,
                  count(DISTINCT id) FILTER (WHERE source = 'seizure')::int AS seizures,
                  array_agg(DISTINCT CAST(mode AS text)) AS modes
             FROM flow
            GROUP BY from_country, to_country
            ORDER BY count(DISTINCT id) DESC, from_country, to_country`,
          { ...movementVisible.params, ...seizureVisible.params, fromTime: filter.from ?? null, toTime: filter.to ?? null, kinds },
        ),
      );
    return rows.map((r) => ({ fromCountry: r.from_country, toCountry: r.to_country, movements: r.movements, seizures: r.seizures, modes: [...r.modes].sort() }));
  }
}
