import { cursorCodec } from '../../src/shared/paging/cursor';
import { decodePage, pageFromFetched, rowsToFetch } from '../../src/shared/paging/keyset-page';
import { fromGlobalId, idOfType, toGlobalId } from '../../src/graphql/relay/global-id';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageRequest } from '../../src/shared/paging/page';
import { Refusal } from '../../src/shared/refusal';
import { nodeTypesOf } from '../../src/graphql/relay/node-types';
import { registryModules } from '../../src/modules';
import { SeizureEntity } from '../../src/modules/seizure/seizure.entity';

const SEIZURE_UUID = '3f9a1c52-7d4e-4b8a-9e21-c0d5a6b7e8f9';
const ITEM_UUID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Runs `work` and returns the refusal it throws (failing when it throws nothing or something else); the API answers it as BAD_USER_INPUT. */
function invalidArgumentOf(work: () => unknown): Refusal {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(Refusal);
    expect((error as Refusal).kind).toBe('INVALID_ARGUMENT');
    return error as Refusal;
  }
  throw new Error('expected a refusal, but nothing was thrown');
}

describe('global ids', () => {
  it('round-trip the type and database id, and are opaque', () => {
    const id = toGlobalId('Seizure', SEIZURE_UUID);
    expect(id).not.toContain(SEIZURE_UUID);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ type: 'Seizure', id: SEIZURE_UUID });
    expect(idOfType(id, 'Seizure')).toBe(SEIZURE_UUID);
  });

  it('differ between types for the same database id', () => {
    expect(toGlobalId('Item', ITEM_UUID)).not.toBe(toGlobalId('Seizure', ITEM_UUID));
  });

  it('are not accepted as an id of another type', () => {
    const itemId = toGlobalId('Item', ITEM_UUID);
    expect(idOfType(itemId, 'Seizure')).toBeNull();
    expect(idOfType(itemId, 'Agency')).toBeNull();
    expect(idOfType(itemId, 'Item')).toBe(ITEM_UUID);
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'not-a-global-id'],
    ['a raw uuid', SEIZURE_UUID],
    ['a type without an id', b64('Seizure:')],
    ['an id without a type', b64(`:${SEIZURE_UUID}`)],
    ['no separator', b64(`Seizure${SEIZURE_UUID}`)],
    ['an id that is not a uuid', b64('Seizure:42')],
    ['a uuid with trailing text', b64(`Seizure:${SEIZURE_UUID}; DROP TABLE seizure`)],
    ['an over-long string', 'A'.repeat(500)],
  ])('reject %s', (_name, garbage) => {
    expect(fromGlobalId(garbage)).toBeNull();
    expect(idOfType(garbage, 'Seizure')).toBeNull();
  });

  it('reject a non-string', () => {
    expect(fromGlobalId(42 as unknown as string)).toBeNull();
    expect(fromGlobalId(null as unknown as string)).toBeNull();
  });

  it('of a type the registry does not have name nothing: no module declares it, and it is no id of a type that exists', () => {
    const smuggler = b64(`Smuggler:${SEIZURE_UUID}`);
    expect(nodeTypesOf(registryModules).byName(fromGlobalId(smuggler)!.type)).toBeUndefined();
    expect(idOfType(smuggler, 'Seizure')).toBeNull();
  });

  it('name the Node types the modules declare, and which type a value is', () => {
    const nodes = nodeTypesOf(registryModules);
    expect(['Agency', 'Seizure', 'Item', 'Supplier', 'Movement'].map((name) => nodes.byName(name)?.name)).toEqual(['Agency', 'Seizure', 'Item', 'Supplier', 'Movement']);
    expect(nodes.typeNameOf(Object.assign(new SeizureEntity(), { id: SEIZURE_UUID }))).toBe('Seizure');
    expect(nodes.typeNameOf({ id: SEIZURE_UUID })).toBeUndefined();
  });
});

describe('cursors', () => {
  const seizures = cursorCodec('seizures', { time: 'instant', id: 'uuid' });
  const ranked = cursorCodec('ranked', { score: 'decimal', id: 'uuid', search: 'token' });
  const positions = cursorCodec('positions', { position: 'position' });
  /** A cursor of `kind` holding exactly these JSON values (what a client could forge). */
  const forged = (...values: unknown[]) => b64(JSON.stringify(values));

  it('round-trip the sort key of their list, and are opaque', () => {
    const key = { time: '2026-03-14T04:30:00.000Z', id: SEIZURE_UUID };
    const cursor = seizures.encode(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(SEIZURE_UUID);
    expect(seizures.decode(cursor, 'after')).toEqual(key);
    expect(ranked.decode(ranked.encode({ score: '0.875000', id: ITEM_UUID, search: 'q1-_Z' }), 'before'))
      .toEqual({ score: '0.875000', id: ITEM_UUID, search: 'q1-_Z' });
    expect(positions.decode(positions.encode({ position: 0 }), 'after')).toEqual({ position: 0 });
  });

  it('read a uuid in any case, and a score written as a JSON number', () => {
    expect(seizures.decode(forged('seizures', '2026-03-14T04:30:00.000Z', SEIZURE_UUID.toUpperCase()), 'after').id).toBe(SEIZURE_UUID);
    expect(ranked.decode(forged('ranked', 0.5, ITEM_UUID, 'k'), 'after').score).toBe('0.5');
  });

  it('compare keys by value', () => {
    expect(ranked.same({ score: '0.5', id: ITEM_UUID, search: 'k' }, { score: '0.500000', id: ITEM_UUID.toUpperCase(), search: 'k' })).toBe(true);
    expect(ranked.same({ score: '0.5', id: ITEM_UUID, search: 'k' }, { score: '0.500001', id: ITEM_UUID, search: 'k' })).toBe(false);
  });

  const GOOD_TIME = '2026-03-14T04:30:00.000Z';
  it.each([
    ['a cursor of another list', seizures, cursorCodec('items', { time: 'instant', id: 'uuid' }).encode({ time: GOOD_TIME, id: SEIZURE_UUID })],
    ['a cursor with a shorter key', seizures, forged('seizures', SEIZURE_UUID)],
    ['a cursor with a longer key', seizures, forged('seizures', GOOD_TIME, SEIZURE_UUID, 'x')],
    ['plain text', seizures, 'next-page-please'],
    ['an empty string', seizures, ''],
    ['an over-long string', seizures, 'A'.repeat(5000)],
    ['base64 of non-JSON', seizures, b64('seizures|2026|x')],
    ['base64 of a JSON object', seizures, b64(JSON.stringify({ kind: 'seizures', key: [1, 2] }))],
    ['a key holding an object', seizures, forged('seizures', { $gt: '' }, SEIZURE_UUID)],
    ['a key holding null', seizures, forged('seizures', null, SEIZURE_UUID)],
    ['a month and day that do not exist', seizures, forged('seizures', '2026-13-45T99:00:00Z', SEIZURE_UUID)],
    ['February 30th in the written form', seizures, forged('seizures', '2026-02-30T10:00:00.000Z', SEIZURE_UUID)],
    ['a word for a time', seizures, forged('seizures', 'yesterday', SEIZURE_UUID)],
    ['a time as a number', seizures, forged('seizures', 1773462600000, SEIZURE_UUID)],
    ['a time with an offset other than Z', seizures, forged('seizures', '2026-03-14T05:30:00.000+01:00', SEIZURE_UUID)],
    ['an id that is not a uuid', seizures, forged('seizures', GOOD_TIME, 'not-a-uuid')],
    ['a uuid with trailing text', seizures, forged('seizures', GOOD_TIME, `${SEIZURE_UUID}'; DROP TABLE seizure`)],
    ['a score that is not a number', ranked, forged('ranked', 'high', ITEM_UUID, 'k')],
    ['a score in exponent form', ranked, forged('ranked', '1e400', ITEM_UUID, 'k')],
    ['an unbounded score', ranked, forged('ranked', 1e400, ITEM_UUID, 'k')],
    ['a search key with spaces', ranked, forged('ranked', '0.5', ITEM_UUID, 'two words')],
    ['a negative position', positions, forged('positions', -1)],
    ['a fractional position', positions, forged('positions', 1.5)],
    ['a position beyond PostgreSQL integers', positions, forged('positions', 2 ** 31)],
    ['a position written as text', positions, forged('positions', '3')],
  ])('refuse %s with BAD_USER_INPUT naming the argument', (_name, codec: any, cursor) => {
    for (const argument of ['after', 'before']) {
      const error = invalidArgumentOf(() => codec.decode(cursor, argument));
      expect(error.argument).toBe(argument);
      expect(error.message).toContain(`\`${argument}\``);
    }
  });
});

describe('pageRequest', () => {
  it('defaults to 20 rows forwards', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(pageRequest({})).toEqual({ size: 20, backward: false, after: null, before: null });
    expect(pageRequest({ first: null, after: null, last: null, before: null })).toEqual({ size: 20, backward: false, after: null, before: null });
  });

  it.each([0, 1, 100])('allows first: %p and last: %p', (size) => {
    expect(pageRequest({ first: size, after: 'cursor-x' })).toEqual({ size, backward: false, after: 'cursor-x', before: null });
    expect(pageRequest({ last: size, before: 'cursor-y' })).toEqual({ size, backward: true, after: null, before: 'cursor-y' });
  });

  it.each([101, -1, 1.5, Number.NaN])('refuses first: %p and last: %p with BAD_USER_INPUT naming the argument', (size) => {
    expect(MAX_PAGE_SIZE).toBe(100);
    for (const argument of ['first', 'last'] as const) {
      const error = invalidArgumentOf(() => pageRequest({ [argument]: size }));
      expect(error.message).toContain(argument);
    }
  });

  it('refuses first with last, naming both', () => {
    const error = invalidArgumentOf(() => pageRequest({ first: 2, last: 2 }));
    expect(error.message).toContain('`first`');
    expect(error.message).toContain('`last`');
  });
});

describe('a keyset page from the rows fetched', () => {
  const order = { codec: cursorCodec('n', { position: 'position' }), keyOf: (row: number) => ({ position: row }) };
  const count = async () => 0;
  const pageOf = (fetched: number[], request: Parameters<typeof pageRequest>[0]) =>
    pageFromFetched(fetched, decodePage(pageRequest(request), order.codec), order, count);
  const at = (position: number) => order.codec.encode({ position });

  it('forwards from the start: the look-ahead row tells that more follow, nothing precedes', () => {
    expect(rowsToFetch(decodePage(pageRequest({ first: 3 }), order.codec))).toBe(4);
    expect(pageOf([1, 2, 3, 4], { first: 3 })).toMatchObject({ rows: [1, 2, 3], hasNextPage: true, hasPreviousPage: false });
    expect(pageOf([1, 2], { first: 3 })).toMatchObject({ rows: [1, 2], hasNextPage: false, hasPreviousPage: false });
  });

  it('forwards after a cursor: its own row, fetched first, tells that rows precede', () => {
    expect(rowsToFetch(decodePage(pageRequest({ first: 3, after: at(3) }), order.codec))).toBe(5);
    expect(pageOf([3, 4, 5, 6, 7], { first: 3, after: at(3) })).toMatchObject({ rows: [4, 5, 6], hasNextPage: true, hasPreviousPage: true });
    expect(pageOf([3, 4], { first: 3, after: at(3) })).toMatchObject({ rows: [4], hasNextPage: false, hasPreviousPage: true });
    // The cursor's row is gone: rows may precede, but this page cannot tell (the specification allows false).
    expect(pageOf([4, 5], { first: 3, after: at(3) })).toMatchObject({ rows: [4, 5], hasNextPage: false, hasPreviousPage: false });
  });

  it('backwards: rows fetched in reverse come back in list order', () => {
    expect(pageOf([9, 8, 7, 6], { last: 3 })).toMatchObject({ rows: [7, 8, 9], hasNextPage: false, hasPreviousPage: true });
    expect(pageOf([7, 6, 5, 4, 3], { last: 3, before: at(7) })).toMatchObject({ rows: [4, 5, 6], hasNextPage: true, hasPreviousPage: true });
    expect(pageOf([3, 2, 1], { last: 3, before: at(3) })).toMatchObject({ rows: [1, 2], hasNextPage: true, hasPreviousPage: false });
  });

  it('an empty page still tells whether rows lie on either side', () => {
    expect(pageOf([1], { first: 0 })).toMatchObject({ rows: [], hasNextPage: true, hasPreviousPage: false });
    expect(pageOf([9], { after: at(9) })).toMatchObject({ rows: [], hasNextPage: false, hasPreviousPage: true });
  });
});
