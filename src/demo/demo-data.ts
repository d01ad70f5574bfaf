import { HandlingCode } from '../shared/handling';
import { TransportMode } from '../modules/movement/movement.enums';
import { EngineFuel, HullMaterial, ItemCondition, ItemKind, LifeJacketSize } from '../modules/item/item.enums';
import type { AgencyDraft } from '../modules/agency/agency.service';
import type { SeizureRecordInput } from '../modules/seizure/seizure.inputs';

// The demo story, with invented companies: life jackets from a Turkish textile firm
// seized near Dunkirk and Ostend; one engine serial recorded in Kent and in Duisburg; hulls from
// a Chinese maker with hull numbers; one damaged hull mark. Every name here is invented.

/** The agency of the printed demo token, and the subject its officer records under. */
export const DEMO_AGENCY = 'FR-PAF';
export const DEMO_SUBJECT = 'demo.officer';

export const demoAgencies: AgencyDraft[] = [
  { code: 'FR-PAF', name: 'French border police (demo)', jurisdiction: 'FR' },
  { code: 'GB-BF', name: 'UK border force (demo)', jurisdiction: 'GB' },
  { code: 'DE-BPOL', name: 'German federal police (demo)', jurisdiction: 'DE' },
  { code: 'BE-FGP', name: 'Belgian federal police (demo)', jurisdiction: 'BE' },
  { code: 'NL-KMAR', name: 'Netherlands border police (demo)', jurisdiction: 'NL' },
];

export interface DemoSeizure {
  agency: string;
  subject: string;
  input: SeizureRecordInput;
}

const lifeJackets = (batchNumber: string, quantity: number) => ({
  kind: ItemKind.LIFE_JACKET,
  make: 'Anvora Tekstil',
  batchNumber,
  quantity,
  condition: ItemCondition.COUNTERFEIT,
  description: 'Orange foam vests, label claims ISO 12402-3 without a CE mark',
  lifeJacket: { standardClaimed: 'ISO 12402-3', ceMarked: false, size: LifeJacketSize.ADULT, buoyancyNewtons: 150, foundDangerous: true },
});

const hull = (hin: string, colour = 'grey') => ({
  kind: ItemKind.BOAT,
  make: 'Zhoushan Qiaoxing Boats',
  model: 'QX-950',
  hin,
  condition: ItemCondition.NEW,
  boat: { lengthMetres: 9.5, hullMaterial: HullMaterial.PVC, colour, capacityPersons: 12 },
});

const engine = (serialNumber: string, condition = ItemCondition.USED) => ({
  kind: ItemKind.ENGINE,
  make: 'Velmont Marine',
  model: '6G5',
  serialNumber,
  condition,
  engine: { powerHp: 40, stroke: 2, fuel: EngineFuel.PETROL },
});

export const demoSeizures: DemoSeizure[] = [
  {
    agency: 'FR-PAF',
    subject: DEMO_SUBJECT,
    input: {
      reference: 'FR-DK-2025-0412',
      seizedAt: new Date('2025-03-14T05:30:00+01:00'),
      location: { description: 'Van stopped on the A16 near Dunkirk', latitude: 51.0344, longitude: 2.3768 },
      handling: HandlingCode.TLP_GREEN,
      notes: 'Driver said the load was bought online from a seller in Germany.',
      route: [
        { country: 'DE', mode: TransportMode.COURIER },
        { country: 'BE', mode: TransportMode.ROAD },
        { country: 'FR', place: 'Dunkirk', mode: TransportMode.ROAD },
      ],
      items: [
        lifeJackets('AT-LJ-2403', 600),
        { kind: ItemKind.FUEL_CONTAINER, make: 'Petrobox', quantity: 12, capacityLitres: 20, condition: ItemCondition.NEW },
      ],
    },
  },
  {
    agency: 'BE-FGP',
    subject: 'be.officer',
    input: {
      reference: 'BE-OST-25-117',
      seizedAt: new Date('2025-04-02T04:10:00+02:00'),
      location: { description: 'Beach west of Ostend', latitude: 51.2194, longitude: 2.8789 },
      handling: HandlingCode.TLP_AMBER,
      sharedWith: ['FR-PAF'],
      items: [lifeJackets('AT LJ 2403', 120), hull('CN-ZQX40229-B5-25', 'black')],
    },
  },
  {
    agency: 'GB-BF',
    subject: 'gb.officer',
    input: {
      reference: 'GB-KENT-2025-0093',
      seizedAt: new Date('2025-05-21T06:45:00+01:00'),
      jurisdiction: 'GB',
      location: { description: 'Boat intercepted off Dungeness, Kent' },
      route: [
        { country: 'DE', place: 'Duisburg', mode: TransportMode.ROAD },
        { country: 'BE', mode: TransportMode.ROAD },
        { country: 'FR', place: 'Dunes near Gravelines', mode: TransportMode.ROAD },
        { country: 'GB', place: 'Dungeness', mode: TransportMode.SEA },
      ],
      handling: HandlingCode.TLP_GREEN,
      items: [engine('6G5-1234567'), hull('CN-ZQX40230-C5-25')],
    },
  },
  {
    agency: 'DE-BPOL',
    subject: 'de.officer',
    input: {
      reference: 'DE-DU-2025-2211',
      seizedAt: new Date('2025-06-03T10:00:00+02:00'),
      location: { description: 'Warehouse near Duisburg; items listed on the retailer\'s invoice' },
      handling: HandlingCode.TLP_GREEN,
      items: [
        engine('6G5 1234567', ItemCondition.NEW),
        hull('CN-ZQX40231-C5-25'),
        hull('CN-ZQX40232-C5-25'),
        hull('CN-ZQX40233-D5-25'),
        { kind: ItemKind.PUMP, make: 'Airlift', model: 'HP-12', quantity: 20, condition: ItemCondition.NEW },
      ],
    },
  },
  {
    agency: 'NL-KMAR',
    subject: 'nl.officer',
    input: {
      reference: 'NL-RTM-2025-031',
      seizedAt: new Date('2025-02-11T14:20:00+01:00'),
      location: { description: 'Container inspected at the port of Rotterdam' },
      handling: HandlingCode.TLP_AMBER_STRICT,
      items: [engine('6G5-1234570', ItemCondition.NEW), engine('6G5-1234571', ItemCondition.NEW)],
    },
  },
  {
    agency: 'FR-PAF',
    subject: DEMO_SUBJECT,
    input: {
      reference: 'FR-BL-2025-0777',
      seizedAt: new Date('2025-07-19T03:50:00+02:00'),
      location: { description: 'Dunes north of Boulogne-sur-Mer', latitude: 50.7606, longitude: 1.6042 },
      handling: HandlingCode.TLP_GREEN,
      items: [
        { ...hull('CN-ZQX4?231-C5-25'), markDamaged: true, condition: ItemCondition.DAMAGED, description: 'Hull number partly scraped off' },
        engine('6G5-I234567'),
      ],
    },
  },
  {
    agency: 'FR-PAF',
    subject: DEMO_SUBJECT,
    input: {
      reference: 'FR-CQ-2025-0050',
      seizedAt: new Date('2025-08-08T02:15:00+02:00'),
      location: { description: 'Car park near Calais' },
      handling: HandlingCode.TLP_RED,
      notes: 'Source-protected lead; recording officer only.',
      items: [{ kind: ItemKind.OTHER, description: 'Satellite phone', make: 'Orbicom', serialNumber: 'OC-778812' }],
    },
  },
];
