import type { DataSource } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { Role } from '../../auth/roles';
import { AgencyService } from '../../modules/agency/agency.service';
import { SeizureRecordService } from '../../modules/seizure/seizure-record.service';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import { RequestTransaction } from '../request-transaction';
import { demoAgencies, demoSeizures } from './demo-data';

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

/** Seeds on first start: only when no agency is registered yet. Returns whether it seeded. */
export async function seedDemoDataIfEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM agency');
  if (count > 0) return false;
  await seedDemoData(dataSource);
  return true;
}
