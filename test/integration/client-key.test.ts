// The public contract: every create takes a `clientKey`, unique per agency
// and record type; a retry stores nothing and answers the record first made with the key.
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { recordMovement } from '../factories/movement.factory';
import { recordSeizure, seizureInput } from '../factories/seizure.factory';
import { createSupplier, makeSupplier, supplierInput } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agency: TestAgency;
let officer: string;
let analyst: string;

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'FR' });
  officer = await agency.token([Role.OFFICER]);
  analyst = await agency.token([Role.ANALYST]);
});
afterAll(() => app.stop());

let keys = 0;
const freshKey = () => `retry-${Date.now().toString(36)}-${(keys += 1)}`;
const count = async (table: 'seizure' | 'supplier' | 'movement', key: string) =>
  (await app.query(`SELECT count(*)::int AS n FROM ${table} WHERE client_key = $1`, [key]))[0].n as number;
const keyUsed = { code: 'DUPLICATE_REFERENCE', field: ['input', 'clientKey'] };

/** Each create, called with an input that carries the given client key. */
const creates = {
  seizure: async (key: string, token = officer) => {
    const payload = await recordSeizure(app, token, seizureInput({ clientKey: key }));
    return { id: payload.seizure?.id ?? null, userErrors: payload.userErrors };
  },
  supplier: async (key: string, token = analyst) => {
    const payload = await createSupplier(app, token, supplierInput({ clientKey: key }));
    return { id: payload.supplier?.id ?? null, userErrors: payload.userErrors };
  },
  movement: async (key: string, token = analyst) => {
    const from = await makeSupplier(app, analyst);
    const payload = await recordMovement(app, token, { fromSupplierId: from.id, clientKey: key });
    return { id: payload.movement?.id ?? null, userErrors: payload.userErrors };
  },
};

describe.each(Object.keys(creates) as Array<keyof typeof creates>)('clientKey on the %s create', (type) => {
  const create = creates[type];

  it('stores a retry once and answers the record first made, with DUPLICATE_REFERENCE on clientKey', async () => {
    const key = freshKey();
    const first = await create(key);
    expect(first.userErrors).toEqual([]);
    const retry = await create(key);
    expect(retry.id).toBe(first.id);
    expect(retry.userErrors).toEqual([expect.objectContaining(keyUsed)]);
    expect(retry.userErrors[0].message).toContain(key);
    expect(await count(type, key)).toBe(1);
  });

  it('stores one record for five concurrent calls with one key', async () => {
    const key = freshKey();
    const answers = await Promise.all(Array.from({ length: 5 }, () => create(key)));
    expect(await count(type, key)).toBe(1);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(answers.filter((a) => a.userErrors.length === 0)).toHaveLength(1);
    expect(answers.filter((a) => a.userErrors[0]?.code === 'DUPLICATE_REFERENCE')).toHaveLength(4);
  });

  it('keeps keys apart per agency', async () => {
    const key = freshKey();
    const other = await makeAgency(app, { jurisdiction: 'GB' });
    const token = await other.token();
    expect((await create(key)).userErrors).toEqual([]);
    expect((await create(key, token)).userErrors).toEqual([]);
    expect(await count(type, key)).toBe(2);
  });

  it('refuses a key over 64 characters with INVALID_INPUT on clientKey, storing nothing', async () => {
    const key = 'k'.repeat(65);
    const refused = await create(key);
    expect(refused.id).toBeNull();
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'clientKey'] })]);
    expect(await count(type, key)).toBe(0);
  });
});

describe('clientKey of a seizure', () => {
  it('is a key per record type: a supplier and a seizure may share one', async () => {
    const key = freshKey();
    expect((await creates.seizure(key)).userErrors).toEqual([]);
    expect((await creates.supplier(key)).userErrors).toEqual([]);
  });

  it('is checked before the reference', async () => {
    const key = freshKey();
    const first = await recordSeizure(app, officer, seizureInput({ clientKey: key }));
    const sameKeyOtherReference = await recordSeizure(app, officer, seizureInput({ clientKey: key }));
    expect(sameKeyOtherReference.userErrors).toEqual([expect.objectContaining(keyUsed)]);
    expect(sameKeyOtherReference.seizure.id).toBe(first.seizure.id);

    const otherKeySameReference = await recordSeizure(app, officer, seizureInput({ clientKey: freshKey(), reference: first.seizure.reference }));
    expect(otherKeySameReference.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE_REFERENCE', field: ['input', 'reference'] })]);
    expect(otherKeySameReference.seizure.id).toBe(first.seizure.id);
    expect(await count('seizure', key)).toBe(1);
  });

  it('held by a colleague\'s TLP_RED seizure answers the key as used, without the seizure', async () => {
    const key = freshKey();
    const colleague = await agency.token([Role.OFFICER], 'officer.colleague');
    const red = await recordSeizure(app, colleague, seizureInput({ clientKey: key, handling: 'TLP_RED' }));
    expect(red.userErrors).toEqual([]);
    const mine = await recordSeizure(app, officer, seizureInput({ clientKey: key }));
    expect(mine.seizure).toBeNull();
    expect(mine.userErrors).toEqual([expect.objectContaining(keyUsed)]);
    expect(await count('seizure', key)).toBe(1);
  });
});
