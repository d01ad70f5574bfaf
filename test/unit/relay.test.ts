import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from '../../src/graphql/relay/cursor';
import { fromGlobalId, idOfType, toGlobalId } from '../../src/graphql/relay/global-id';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageRequest } from '../../src/graphql/relay/page';

const SEIZURE_UUID = '3f9a1c52-7d4e-4b8a-9e21-c0d5a6b7e8f9';
const ITEM_UUID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Runs `work` and returns the GraphQL error it throws (failing when it throws nothing or something else). */
function graphQLErrorOf(work: () => unknown): GraphQLError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError, but nothing was thrown');
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

  it('reject a well-formed id of a type the registry does not have', () => {
    expect(fromGlobalId(b64(`Smuggler:${SEIZURE_UUID}`))).toBeNull();
  });
});

describe('cursors', () => {
  it('round-trip the sort key of their list', () => {
    const key = ['2026-03-14T04:30:00.000Z', SEIZURE_UUID];
    const cursor = encodeCursor('seizures', key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'seizures', 2)).toEqual(key);
    expect(decodeCursor(encodeCursor('items', [7, ITEM_UUID]), 'items', 2)).toEqual([7, ITEM_UUID]);
  });

  it.each([
    ['a cursor of another list', encodeCursor('items', ['2026-03-14T04:30:00.000Z', SEIZURE_UUID])],
    ['a cursor with a shorter key', encodeCursor('seizures', [SEIZURE_UUID])],
    ['a cursor with a longer key', encodeCursor('seizures', ['a', 'b', 'c'])],
    ['plain text', 'next-page-please'],
    ['an empty string', ''],
    ['base64 of non-JSON', b64('seizures|2026|x')],
    ['base64 of a JSON object', b64(JSON.stringify({ kind: 'seizures', key: [1, 2] }))],
    ['a key holding an object', b64(JSON.stringify(['seizures', { $gt: '' }, SEIZURE_UUID]))],
    ['a key holding null', b64(JSON.stringify(['seizures', null, SEIZURE_UUID]))],
  ])('refuse %s with BAD_USER_INPUT', (_name, cursor) => {
    const error = graphQLErrorOf(() => decodeCursor(cursor, 'seizures', 2));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('pageRequest', () => {
  it('defaults to 20 items', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(pageRequest(undefined, undefined)).toEqual({ first: 20, after: null });
    expect(pageRequest(null, null)).toEqual({ first: 20, after: null });
  });

  it.each([0, 1, 100])('allows first: %p', (first) => {
    expect(pageRequest(first, 'cursor-x')).toEqual({ first, after: 'cursor-x' });
  });

  it.each([101, -1, 1.5, Number.NaN])('refuses first: %p with BAD_USER_INPUT', (first) => {
    expect(MAX_PAGE_SIZE).toBe(100);
    const error = graphQLErrorOf(() => pageRequest(first, null));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('first');
  });
});
