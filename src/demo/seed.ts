import type { DataSource } from 'typeorm';
import type { RegisteredCaller } from '../auth/access';
import { Role } from '../auth/roles';
import { AgencyService } from '../modules/agency/agency.service';
import { SeizureRecordService } from '../modules/seizure/seizure-record.service';
import { DomainError, ErrorCode } from '../shared/domain-error';
import { RequestTransaction } from '../db/request-transaction';
import { MovementRecordService } from '../modules/movement/movement-record.service';
import { SupplierCreateService } from '../modules/supplier/supplier-create.service';
import { demoAgencies, demoSeizures } from './demo-data';
import { PaymentRecordService } from '../modules/payment/payment-record.service';
import { AdvertRecordService } from '../modules/advert/advert-record.service';
import { demoAdverts } from './demo-adverts';
import { demoPayments } from './demo-payments';
import { demoMovements, demoSuppliers, type DemoItemRef } from './demo-provenance';

/** Runs `work` as a caller of `agencyCode`, through the same transaction and rules as a request. */
async function as<T>(dataSource: DataSource, agencyCode: string, subject: string, roles: Role[], work: (tx: RequestTransaction) => Promise<T>): Promise<T> {
  const tx = new RequestTransaction(dataSource, { subject, agencyCode, roles });
  try {
    const result = await work(tx);
    await tx.finish(true);
    return result;
  } catch (error) {
    await tx.finish(false);
    throw error;
  }
}

/** Tolerates what is already there, so seeding twice changes nothing. */
function alreadyThere(error: unknown): boolean {
  return error instanceof DomainError && error.problems.every((p) => p.code === ErrorCode.CONFLICT || p.code === ErrorCode.DUPLICATE_REFERENCE);
}

/** Loads the demo story through the services (validated like any input). Idempotent. */
export async function seedDemoData(dataSource: DataSource): Promise<void> {
  await seedDemoSeizures(dataSource);
  await seedDemoProvenance(dataSource);
  await seedDemoAdverts(dataSource);
}

async function seedDemoSeizures(dataSource: DataSource): Promise<void> {
  for (const agency of demoAgencies) {
    await as(dataSource, agency.code, 'demo.admin', [Role.ADMIN], (tx) =>
      tx.write((manager) => new AgencyService(manager).create(agency)),
    ).catch((error) => {
      if (!alreadyThere(error)) throw error;
    });
  }
  for (const seizure of demoSeizures) {
    await as(dataSource, seizure.agency, seizure.subject, [Role.OFFICER], async (tx) => {
      const caller = (await tx.caller()) as RegisteredCaller;
      return tx.write((manager) => new SeizureRecordService(manager, caller).record(seizure.input));
    }).catch((error) => {
      if (!alreadyThere(error)) throw error;
    });
  }
}

/**
 * The suppliers, movements and payments behind the demo seizures, recorded by each agency's
 * analyst. Suppliers carry no reference to be idempotent on, so this runs only while none exist.
 */
async function seedDemoProvenance(dataSource: DataSource): Promise<void> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM supplier');
  if (count > 0) return;
  const analyst = (agency: string) => `${agency.toLowerCase()}.analyst`;
  const suppliers = new Map<string, string>();
  for (const { key, agency, ...input } of demoSuppliers) {
    const created = await as(dataSource, agency, analyst(agency), [Role.ANALYST], async (tx) => {
      const caller = (await tx.caller()) as RegisteredCaller;
      return tx.write((manager) => new SupplierCreateService(manager, caller).create(input));
    });
    suppliers.set(key, created.id);
  }
  for (const { agency, from, to, items, ...input } of demoMovements) {
    const itemIds = await Promise.all((items ?? []).map((ref) => demoItemId(dataSource, ref)));
    await as(dataSource, agency, analyst(agency), [Role.ANALYST], async (tx) => {
      const caller = (await tx.caller()) as RegisteredCaller;
      const movement = {
        ...input,
        occurredAt: new Date(input.occurredAt),
        fromSupplierId: from ? suppliers.get(from) : undefined,
        toSupplierId: to ? suppliers.get(to) : undefined,
        itemIds,
      };
      return tx.write((manager) => new MovementRecordService(manager, caller).record(movement));
    });
  }
  for (const { agency, payer, brokers, payee, seizures, movements, paidAt, ...input } of demoPayments) {
    const seizureIds = await Promise.all((seizures ?? []).map((reference) => demoRecordId(dataSource, 'seizure', agency, reference)));
    const movementIds = await Promise.all((movements ?? []).map((reference) => demoRecordId(dataSource, 'movement', agency, reference)));
    await as(dataSource, agency, analyst(agency), [Role.ANALYST], async (tx) => {
      const caller = (await tx.caller()) as RegisteredCaller;
      const payment = {
        ...input,
        paidAt: new Date(paidAt),
        payerId: suppliers.get(payer),
        payeeId: suppliers.get(payee),
        brokerIds: brokers.map((key) => suppliers.get(key) ?? null),
        seizureIds,
        movementIds,
      };
      return tx.write((manager) => new PaymentRecordService(manager, caller).record(payment));
    });
  }
}

/** The adverts captured as evidence, by each agency's officer; idempotent on their client keys. */
async function seedDemoAdverts(dataSource: DataSource): Promise<void> {
  for (const { agency, capturedAt, ...input } of demoAdverts) {
    await as(dataSource, agency, `${agency.toLowerCase()}.officer`, [Role.OFFICER], async (tx) => {
      const caller = (await tx.caller()) as RegisteredCaller;
      return tx.write((manager) => new AdvertRecordService(manager, caller).record({ ...input, capturedAt: new Date(capturedAt), seizureIds: [] }));
    }).catch((error) => {
      if (!alreadyThere(error)) throw error;
    });
  }
}

/** The id of an agency's demo seizure by its reference, or movement by its document reference (database owner: demo wiring only). */
async function demoRecordId(dataSource: DataSource, table: 'seizure' | 'movement', agency: string, reference: string): Promise<string> {
  const column = table === 'seizure' ? 'reference' : 'document_ref';
  const [row] = await dataSource.query(
    `SELECT r.id FROM ${table} r JOIN agency a ON a.id = r.agency_id WHERE a.code = $1 AND r.${column} = $2`,
    [agency, reference],
  );
  if (!row) throw new Error(`demo data: no ${table} ${reference} of ${agency}`);
  return row.id;
}

/** The database id of a demo seizure's item (read as the database owner: demo wiring only). */
async function demoItemId(dataSource: DataSource, ref: DemoItemRef): Promise<string> {
  const [row] = await dataSource.query(
    `SELECT i.id FROM item i JOIN seizure s ON s.id = i.seizure_id JOIN agency a ON a.id = s.agency_id
      WHERE a.code = $1 AND s.reference = $2 AND i.position = $3`,
    [ref.agency, ref.reference, ref.position],
  );
  if (!row) throw new Error(`demo data: no item ${ref.position} in ${ref.agency} ${ref.reference}`);
  return row.id;
}

/** Seeds on first start: only when no agency is registered yet. Returns whether it seeded. */
export async function seedDemoDataIfEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM agency');
  if (count > 0) return false;
  await seedDemoData(dataSource);
  return true;
}
