// The seizure form's state, and how it becomes a SeizureRecordInput. Field names are the
// input's paths ("items.2.hin"), so the API's user errors land next to the field they name.
import type { EngineFuel, HandlingCode, HullMaterial, ItemCondition, ItemInput, ItemKind, LifeJacketSize, SeizureRecordInput } from '../../../generated/schema-types';
import { localInputToIso, toLocalInputValue } from '../../format/dates';

export interface ItemLine {
  key: string;
  kind: ItemKind;
  make: string; model: string; serialNumber: string; hin: string; batchNumber: string;
  quantity: string; condition: ItemCondition; description: string; markDamaged: boolean; capacityLitres: string;
  lengthMetres: string; hullMaterial: HullMaterial | ''; colour: string; capacityPersons: string;
  powerHp: string; stroke: string; fuel: EngineFuel | '';
  standardClaimed: string; ceMarked: '' | 'yes' | 'no'; notifiedBody: string; size: LifeJacketSize | ''; buoyancyNewtons: string; foundDangerous: '' | 'yes' | 'no';
}

export interface SeizureForm {
  reference: string; seizedAt: string; jurisdiction: string; locationDescription: string; latitude: string; longitude: string;
  handling: HandlingCode; sharedWith: string[]; notes: string; items: ItemLine[];
}

let lineCount = 0;

export function newItemLine(kind: ItemKind = 'ENGINE'): ItemLine {
  lineCount += 1;
  return {
    key: `line-${lineCount}`, kind, make: '', model: '', serialNumber: '', hin: '', batchNumber: '', quantity: '1', condition: 'UNKNOWN',
    description: '', markDamaged: false, capacityLitres: '', lengthMetres: '', hullMaterial: '', colour: '', capacityPersons: '',
    powerHp: '', stroke: '', fuel: '', standardClaimed: '', ceMarked: '', notifiedBody: '', size: '', buoyancyNewtons: '', foundDangerous: '',
  };
}

export function newSeizureForm(): SeizureForm {
  return {
    reference: '', seizedAt: toLocalInputValue(new Date()), jurisdiction: '', locationDescription: '', latitude: '', longitude: '',
    handling: 'TLP_GREEN', sharedWith: [], notes: '', items: [newItemLine()],
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());
const number = (value: string) => (value.trim() === '' ? null : Number(value));
const yesNo = (value: '' | 'yes' | 'no') => (value === '' ? null : value === 'yes');

function itemInput(line: ItemLine): ItemInput {
  const input: ItemInput = {
    kind: line.kind, make: text(line.make), model: text(line.model), description: text(line.description),
    quantity: number(line.quantity) ?? 1, condition: line.condition, markDamaged: line.markDamaged,
  };
  if (line.kind === 'BOAT') {
    input.hin = text(line.hin);
    input.boat = { lengthMetres: number(line.lengthMetres), hullMaterial: line.hullMaterial || null, colour: text(line.colour), capacityPersons: number(line.capacityPersons) };
  } else if (line.kind === 'ENGINE') {
    input.serialNumber = text(line.serialNumber);
    input.engine = { powerHp: number(line.powerHp), stroke: number(line.stroke), fuel: line.fuel || null };
  } else if (line.kind === 'LIFE_JACKET') {
    input.batchNumber = text(line.batchNumber);
    input.lifeJacket = {
      standardClaimed: text(line.standardClaimed), ceMarked: yesNo(line.ceMarked), notifiedBody: text(line.notifiedBody),
      size: line.size || null, buoyancyNewtons: number(line.buoyancyNewtons), foundDangerous: yesNo(line.foundDangerous),
    };
  } else {
    input.serialNumber = text(line.serialNumber);
    input.batchNumber = text(line.batchNumber);
    input.capacityLitres = number(line.capacityLitres);
  }
  return input;
}

export function toRecordInput(form: SeizureForm, clientKey: string): SeizureRecordInput {
  const location = text(form.locationDescription) || text(form.latitude) || text(form.longitude)
    ? { description: text(form.locationDescription), latitude: number(form.latitude), longitude: number(form.longitude) } : null;
  return {
    clientKey,
    reference: form.reference.trim(),
    seizedAt: localInputToIso(form.seizedAt) ?? form.seizedAt,
    jurisdiction: text(form.jurisdiction)?.toUpperCase() ?? null,
    location,
    handling: form.handling,
    sharedWith: form.handling === 'TLP_AMBER' ? form.sharedWith : [],
    notes: text(form.notes),
    items: form.items.map(itemInput),
  };
}

/** The API's user errors by input path ("items.2.hin"); errors naming no field (or the whole input) under "". */
export function errorsByField(errors: ReadonlyArray<{ message: string; field?: ReadonlyArray<string> | null }>): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const path = (error.field ?? []).slice(error.field?.[0] === 'input' ? 1 : 0).join('.');
    byField[path] = byField[path] ? `${byField[path]} ${error.message}` : error.message;
  }
  return byField;
}
