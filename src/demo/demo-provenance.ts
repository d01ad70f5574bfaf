import { HandlingCode } from '../shared/handling';
import { TransportMode } from '../modules/movement/movement.enums';
import { SupplierRole } from '../modules/supplier/supplier.enums';

// The supply chains behind the demo seizures, every company
// invented: life jackets from a Turkish textile firm through a Bulgarian importer to a German
// online seller; engines from a Chinese maker through a Dutch importer to a German retailer;
// hulls from a Chinese yard by container to Istanbul, by truck through Bulgaria to a warehouse
// near Duisburg.

export interface DemoSupplier {
  key: string;
  /** The agency whose analyst recorded it. */
  agency: string;
  name: string;
  aliases?: string[];
  role: SupplierRole;
  country: string;
  identifiers?: Array<{ scheme: string; value: string }>;
}

/** A seized item named by its seizure's agency, reference and line number. */
export interface DemoItemRef {
  agency: string;
  reference: string;
  position: number;
}

export interface DemoMovement {
  agency: string;
  from: string | null;
  to: string | null;
  items?: DemoItemRef[];
  occurredAt: string;
  fromCountry: string;
  toCountry: string;
  mode: TransportMode;
  documentRef?: string;
  quantity?: number;
  goodsDescription?: string;
  handling?: HandlingCode;
  sharedWith?: string[];
}

export const demoSuppliers: DemoSupplier[] = [
  {
    key: 'anvora', agency: 'BE-FGP', name: 'Anvora Tekstil Sanayi ve Ticaret Ltd. Şti.', aliases: ['Anvora Textile'],
    role: SupplierRole.MANUFACTURER, country: 'TR',
    identifiers: [{ scheme: 'PHONE', value: '0090 212 555 0147' }, { scheme: 'WEBSITE', value: 'https://www.anvora-tekstil.example/' }],
  },
  {
    key: 'balkanska', agency: 'BE-FGP', name: 'Balkanska Morska Import EOOD', role: SupplierRole.IMPORTER, country: 'BG',
    identifiers: [{ scheme: 'VAT', value: 'BG 204 817 339' }],
  },
  {
    key: 'wellenreiter', agency: 'FR-PAF', name: 'Wellenreiter Outdoor Handel GmbH', aliases: ['wellenreiter-shop'],
    role: SupplierRole.ONLINE_SELLER, country: 'DE',
    identifiers: [{ scheme: 'VAT', value: 'DE 318 442 907' }, { scheme: 'EMAIL', value: 'Verkauf@Wellenreiter-Outdoor.example' }],
  },
  { key: 'velmont', agency: 'DE-BPOL', name: 'Velmont Marine Power Co., Ltd.', role: SupplierRole.MANUFACTURER, country: 'CN' },
  {
    key: 'vaartwerk', agency: 'DE-BPOL', name: 'Vaartwerk Import B.V.', role: SupplierRole.IMPORTER, country: 'NL',
    identifiers: [{ scheme: 'VAT', value: 'NL 8532.41.907.B01' }],
  },
  {
    key: 'rheinhafen', agency: 'DE-BPOL', name: 'Rheinhafen Bootshandel GmbH', aliases: ['rheinhafen-boote'],
    role: SupplierRole.ONLINE_SELLER, country: 'DE',
    identifiers: [{ scheme: 'WEBSITE', value: 'https://shop.rheinhafen-boote.example/' }],
  },
  { key: 'qiaoxing', agency: 'DE-BPOL', name: 'Zhoushan Qiaoxing Boats Co., Ltd.', role: SupplierRole.MANUFACTURER, country: 'CN' },
  { key: 'bosphorus', agency: 'DE-BPOL', name: 'Bosforlu Konteyner Lojistik A.Ş.', role: SupplierRole.FACILITATOR, country: 'TR' },
  { key: 'tundzha', agency: 'DE-BPOL', name: 'Tundzha Freight OOD', role: SupplierRole.FACILITATOR, country: 'BG' },
  { key: 'lagerhaus', agency: 'DE-BPOL', name: 'Lagerhaus Ruhrort Logistik UG', role: SupplierRole.FACILITATOR, country: 'DE' },
  // The brokers who move the money: one Iraqi mobile number, written three ways by three
  // agencies (international with 00, national in Iraq, international with brackets).
  {
    key: 'zagros', agency: 'GB-BF', name: 'Zagros Money Transfer Ltd', role: SupplierRole.MONEY_BROKER, country: 'GB',
    identifiers: [{ scheme: 'PHONE', value: '00964 750 318 2247' }, { scheme: 'HAWALA_CODE', value: 'ZMT-4471-K' }],
  },
  {
    key: 'rawand', agency: 'BE-FGP', name: 'Rawand Exchange', aliases: ['Kak Rawand'], role: SupplierRole.MONEY_BROKER, country: 'IQ',
    identifiers: [{ scheme: 'PHONE', value: '0750 318 2247' }],
  },
  {
    key: 'dijla', agency: 'DE-BPOL', name: 'Dijla Reise- und Geldtransfer', role: SupplierRole.MONEY_BROKER, country: 'DE',
    identifiers: [
      { scheme: 'PHONE', value: '+964 (750) 318-22-47' }, { scheme: 'IBAN', value: 'DE18 7654 3210 0812 3456 78' },
      { scheme: 'HAWALA_CODE', value: 'DJL-3390-K7' },
    ],
  },
  // The network's buyer of engines in Germany, who pays through the brokers.
  { key: 'sarbast', agency: 'GB-BF', name: 'Sarbast Cargo & Reisen', role: SupplierRole.BUYER, country: 'DE' },
];

export const demoMovements: DemoMovement[] = [
  // Life jackets: 2,000 from Turkey to Bulgaria, 600 on to the German online seller, then to France and Belgium.
  {
    agency: 'BE-FGP', from: 'anvora', to: 'balkanska', occurredAt: '2024-11-04T09:00:00+03:00', fromCountry: 'TR', toCountry: 'BG',
    mode: TransportMode.ROAD, documentRef: 'INV-AT-2024-1187', quantity: 2000, goodsDescription: 'Life jackets, no CE mark',
  },
  {
    agency: 'FR-PAF', from: 'balkanska', to: 'wellenreiter', occurredAt: '2025-01-20T10:00:00+02:00', fromCountry: 'BG', toCountry: 'DE',
    mode: TransportMode.ROAD, documentRef: 'CMR-BG-55102', quantity: 600,
  },
  {
    agency: 'FR-PAF', from: 'wellenreiter', to: null, occurredAt: '2025-03-10T16:00:00+01:00', fromCountry: 'DE', toCountry: 'FR',
    mode: TransportMode.COURIER, documentRef: 'TRK 7781 2290 4415', items: [{ agency: 'FR-PAF', reference: 'FR-DK-2025-0412', position: 1 }],
  },
  {
    agency: 'BE-FGP', from: 'balkanska', to: null, occurredAt: '2025-03-25T12:00:00+02:00', fromCountry: 'BG', toCountry: 'BE',
    mode: TransportMode.ROAD, handling: HandlingCode.TLP_AMBER, sharedWith: ['FR-PAF'],
    items: [{ agency: 'BE-FGP', reference: 'BE-OST-25-117', position: 1 }],
  },
  // Engines: Chinese maker to a Dutch importer to a German retailer; one engine seized in Kent, one listed in Duisburg.
  {
    agency: 'DE-BPOL', from: 'velmont', to: 'vaartwerk', occurredAt: '2025-01-15T00:00:00+08:00', fromCountry: 'CN', toCountry: 'NL',
    mode: TransportMode.SEA, documentRef: 'BL-SHA-RTM-2025-0042', quantity: 40, goodsDescription: '40 outboard engines, 40 hp',
  },
  {
    agency: 'DE-BPOL', from: 'vaartwerk', to: 'rheinhafen', occurredAt: '2025-03-02T08:00:00+01:00', fromCountry: 'NL', toCountry: 'DE',
    mode: TransportMode.ROAD, documentRef: 'INV-VW-2025-311', quantity: 12,
    items: [{ agency: 'DE-BPOL', reference: 'DE-DU-2025-2211', position: 1 }],
  },
  {
    agency: 'GB-BF', from: 'rheinhafen', to: null, occurredAt: '2025-05-10T09:00:00+02:00', fromCountry: 'DE', toCountry: 'FR',
    mode: TransportMode.ROAD, items: [{ agency: 'GB-BF', reference: 'GB-KENT-2025-0093', position: 1 }],
  },
  // Hulls: by container from China to Istanbul, by truck through Bulgaria to a warehouse near Duisburg.
  {
    agency: 'DE-BPOL', from: 'qiaoxing', to: 'bosphorus', occurredAt: '2025-02-01T00:00:00+08:00', fromCountry: 'CN', toCountry: 'TR',
    mode: TransportMode.SEA, documentRef: 'CONT MSKU 448120-7', quantity: 30, goodsDescription: 'Inflatable hulls, 9.5 m',
  },
  {
    agency: 'DE-BPOL', from: 'bosphorus', to: 'tundzha', occurredAt: '2025-03-18T07:00:00+03:00', fromCountry: 'TR', toCountry: 'BG',
    mode: TransportMode.ROAD, documentRef: 'CMR-TR-90331', quantity: 30,
  },
  {
    agency: 'DE-BPOL', from: 'tundzha', to: 'lagerhaus', occurredAt: '2025-04-02T06:00:00+02:00', fromCountry: 'BG', toCountry: 'DE',
    mode: TransportMode.ROAD, documentRef: 'CMR-BG-61207', quantity: 30,
    items: [
      { agency: 'DE-BPOL', reference: 'DE-DU-2025-2211', position: 2 },
      { agency: 'DE-BPOL', reference: 'DE-DU-2025-2211', position: 3 },
      { agency: 'DE-BPOL', reference: 'DE-DU-2025-2211', position: 4 },
    ],
  },
  {
    agency: 'GB-BF', from: 'lagerhaus', to: null, occurredAt: '2025-05-12T22:00:00+02:00', fromCountry: 'DE', toCountry: 'FR',
    mode: TransportMode.ROAD, items: [{ agency: 'GB-BF', reference: 'GB-KENT-2025-0093', position: 2 }],
  },
];
