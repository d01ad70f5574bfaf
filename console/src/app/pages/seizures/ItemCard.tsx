import type { ItemDetailFragment } from '../../../generated/operations';
import { DateTime } from '../../components/DateTime';
import { Handling } from '../../components/Handling';
import { MatchList } from '../../components/MatchList';
import { KIND_LABELS } from '../../format/labels';

function Fact({ label, value }: { label: string; value: string | number | boolean | null | undefined }) {
  if (value === null || value === undefined || value === '') return null;
  return <><dt>{label}</dt><dd>{typeof value === 'boolean' ? (value ? 'yes' : 'no') : value}</dd></>;
}

/** One seized item: what was recorded, its matches elsewhere and its chain of custody. */
export function ItemCard({ item, canDecide }: { item: ItemDetailFragment; canDecide: boolean }) {
  const { boat, engine, lifeJacket } = item;
  return (
    <article className="card item" aria-label={`${KIND_LABELS[item.kind]} ${item.identifier ?? ''}`}>
      <h3>{KIND_LABELS[item.kind]} {item.identifier && <code>{item.identifier}</code>} {item.quantity > 1 && <span>× {item.quantity}</span>}</h3>
      <dl className="facts">
        <Fact label="Make" value={item.make} />
        <Fact label="Model" value={item.model} />
        <Fact label="HIN" value={item.hin} />
        <Fact label="Serial" value={item.serialNumber} />
        <Fact label="Batch" value={item.batchNumber} />
        <Fact label="Mark damaged" value={item.markDamaged || null} />
        <Fact label="Condition" value={item.condition.toLowerCase()} />
        <Fact label="Length (m)" value={boat?.lengthMetres} />
        <Fact label="Hull" value={boat?.hullMaterial?.toLowerCase()} />
        <Fact label="Colour" value={boat?.colour} />
        <Fact label="Capacity (persons)" value={boat?.capacityPersons} />
        <Fact label="Power (hp)" value={engine?.powerHp} />
        <Fact label="Stroke" value={engine?.stroke} />
        <Fact label="Fuel" value={engine?.fuel?.toLowerCase()} />
        <Fact label="Standard claimed" value={lifeJacket?.standardClaimed} />
        <Fact label="CE mark" value={lifeJacket?.ceMarked} />
        <Fact label="Notified body" value={lifeJacket?.notifiedBody} />
        <Fact label="Size" value={lifeJacket?.size?.toLowerCase()} />
        <Fact label="Buoyancy (N)" value={lifeJacket?.buoyancyNewtons} />
        <Fact label="Counterfeit or dangerous" value={lifeJacket?.foundDangerous} />
        <Fact label="Capacity (l)" value={item.capacityLitres} />
        <Fact label="Description" value={item.description} />
      </dl>
      <h4>Matches</h4>
      <MatchList itemId={item.id} matches={item.matches} canDecide={canDecide} />
      <h4>Custody</h4>
      {item.custody.length === 0 ? <p className="empty small-text">No movement known to have carried it.</p> : (
        <ol className="custody">
          {item.custody.map((m) => (
            <li key={m.id}>
              <DateTime value={m.occurredAt} />: {m.from?.name ?? 'unknown sender'} ({m.fromCountry ?? '?'}) → {m.to?.name ?? 'end buyer'} ({m.toCountry ?? '?'}),{' '}
              {m.mode.toLowerCase()}{m.documentRef && <>, doc <code>{m.documentRef}</code></>} · recorded by {m.recordedBy.code} <Handling code={m.handling} />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
