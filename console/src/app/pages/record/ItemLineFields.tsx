import { SelectField, TextField } from '../../components/Field';
import { ITEM_KINDS, KIND_LABELS } from '../../format/labels';
import type { ItemLine } from './seizure-form';

const CONDITIONS: Array<[string, string]> = [['UNKNOWN', 'unknown'], ['NEW', 'new'], ['USED', 'used'], ['DAMAGED', 'damaged'], ['COUNTERFEIT', 'counterfeit']];
const HULLS: Array<[string, string]> = [['', '—'], ['PVC', 'PVC'], ['HYPALON', 'Hypalon'], ['RIGID_INFLATABLE', 'rigid inflatable'], ['GRP', 'GRP'], ['WOOD', 'wood'], ['OTHER', 'other']];
const FUELS: Array<[string, string]> = [['', '—'], ['PETROL', 'petrol'], ['DIESEL', 'diesel'], ['ELECTRIC', 'electric'], ['OTHER', 'other']];
const SIZES: Array<[string, string]> = [['', '—'], ['ADULT', 'adult'], ['CHILD', 'child'], ['INFANT', 'infant']];
const YES_NO: Array<[string, string]> = [['', '—'], ['yes', 'yes'], ['no', 'no']];

interface Props {
  line: ItemLine;
  index: number;
  errors: Record<string, string>;
  onChange(patch: Partial<ItemLine>): void;
  onRemove(): void;
  canRemove: boolean;
}

/** One item line, with the fields its kind records (a boat's hull, an engine's power, a life jacket's standard…). */
export function ItemLineFields({ line, index, errors, onChange, onRemove, canRemove }: Props) {
  const at = (field: string) => errors[`items.${index}.${field}`];
  const text = (field: keyof ItemLine, label: string, extra: Record<string, unknown> = {}) => (
    <TextField label={label} value={line[field] as string} error={at(field)} onChange={(e) => onChange({ [field]: e.target.value } as Partial<ItemLine>)} {...extra} />
  );
  const detail = (group: string, field: keyof ItemLine, label: string, extra: Record<string, unknown> = {}) => (
    <TextField label={label} value={line[field] as string} error={at(`${group}.${field}`)} onChange={(e) => onChange({ [field]: e.target.value } as Partial<ItemLine>)} {...extra} />
  );
  const choice = (group: string | null, field: keyof ItemLine, label: string, options: Array<[string, string]>) => (
    <SelectField label={label} value={line[field] as string} options={options} error={at(group ? `${group}.${field}` : field)}
      onChange={(e) => onChange({ [field]: e.target.value } as Partial<ItemLine>)} />
  );
  const lineError = errors[`items.${index}`];
  return (
    <fieldset className="item-line" data-line={index}>
      <legend>Item {index + 1}: {KIND_LABELS[line.kind]}</legend>
      {lineError && <p className="field-error" tabIndex={-1} data-refusal="">{lineError}</p>}
      <div className="grid">
        <SelectField label="Kind" value={line.kind} options={ITEM_KINDS.map((k) => [k, KIND_LABELS[k]])} error={at('kind')}
          onChange={(e) => onChange({ kind: e.target.value as ItemLine['kind'] })} />
        {line.kind === 'BOAT' && text('hin', 'HIN', { placeholder: 'FR-ABC12345-D4-24', spellCheck: false })}
        {line.kind === 'ENGINE' && text('serialNumber', 'Serial number', { placeholder: '6G5-1234567', spellCheck: false })}
        {line.kind === 'LIFE_JACKET' && text('batchNumber', 'Batch / lot', { spellCheck: false })}
        {!['BOAT', 'ENGINE', 'LIFE_JACKET'].includes(line.kind) && <>{text('serialNumber', 'Serial number', { spellCheck: false })}{text('batchNumber', 'Batch number', { spellCheck: false })}</>}
        {text('make', 'Make')}
        {text('model', line.kind === 'ENGINE' ? 'Model code' : 'Model')}
        {text('quantity', 'Quantity', { type: 'number', min: 1, inputMode: 'numeric' })}
        {choice(null, 'condition', 'Condition', CONDITIONS)}
        {line.kind === 'BOAT' && <>
          {detail('boat', 'lengthMetres', 'Length (m)', { type: 'number', step: '0.1', min: 0 })}
          {choice('boat', 'hullMaterial', 'Hull material', HULLS)}
          {detail('boat', 'colour', 'Colour')}
          {detail('boat', 'capacityPersons', 'Capacity (persons, if marked)', { type: 'number', min: 0 })}
        </>}
        {line.kind === 'ENGINE' && <>
          {detail('engine', 'powerHp', 'Power (hp)', { type: 'number', min: 0 })}
          {choice('engine', 'stroke', 'Stroke', [['', '—'], ['2', '2-stroke'], ['4', '4-stroke']])}
          {choice('engine', 'fuel', 'Fuel', FUELS)}
        </>}
        {line.kind === 'LIFE_JACKET' && <>
          {detail('lifeJacket', 'standardClaimed', 'Standard claimed', { placeholder: 'ISO 12402-3' })}
          {choice('lifeJacket', 'ceMarked', 'CE mark present', YES_NO)}
          {detail('lifeJacket', 'notifiedBody', 'Notified body no.')}
          {choice('lifeJacket', 'size', 'Size', SIZES)}
          {detail('lifeJacket', 'buoyancyNewtons', 'Buoyancy (N)', { type: 'number', min: 0 })}
          {choice('lifeJacket', 'foundDangerous', 'Counterfeit or dangerous', YES_NO)}
        </>}
        {['FUEL_CONTAINER', 'PUMP', 'OTHER'].includes(line.kind) && text('capacityLitres', 'Capacity (l)', { type: 'number', min: 0, step: '0.1' })}
      </div>
      <div className="grid">
        {text('description', 'Description')}
        <label className="check">
          <input type="checkbox" checked={line.markDamaged} onChange={(e) => onChange({ markDamaged: e.target.checked })} />
          Mark damaged or partly unreadable (use ? for one character, * for several)
        </label>
      </div>
      {canRemove && <button type="button" className="secondary small" onClick={onRemove}>Remove item {index + 1}</button>}
    </fieldset>
  );
}
