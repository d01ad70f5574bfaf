// The log: JSON lines an operator reads, each naming its request, and none holding a token,
// a person's identifier or a note.
import { Writable } from 'node:stream';
import { Role } from '../../src/auth/roles';
import { createLogger } from '../../src/shared/logger';
import { makeAgency } from '../factories/agency.factory';
import { RECORD_SEIZURE, seizureInput } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

const lines: string[] = [];
let app: TestApp;

beforeAll(async () => {
  const capture = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  app = await TestApp.start({ logger: createLogger('trace', capture) });
});
afterAll(() => app.stop());

it('writes JSON lines with a request id on each, and no token, person or note', async () => {
  const agency = await makeAgency(app);
  const subject = 'officer.ysolde.marchetti';
  const token = await agency.token([Role.OFFICER], subject);
  const note = 'Skipper Bartholomew Ekwueme-Lund paid in cash';
  lines.length = 0;

  const recorded = await app.graphql(token, RECORD_SEIZURE, { input: seizureInput({ notes: note }) });
  expect(recorded.body.data.seizureRecord.userErrors).toEqual([]);
  const refused = await app.graphql(token, RECORD_SEIZURE, { input: seizureInput({ notes: note, seizedAt: '2999-01-01T00:00:00Z' }) });
  expect(refused.body.data.seizureRecord.userErrors[0].code).toBe('INVALID_INPUT');
  expect((await app.graphql(`${token}x`, `{ viewer { subject } }`)).status).toBe(401);
  expect((await app.graphql(token, `{ seizures(first: 1000) { totalCount } }`)).body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

  expect(lines.length).toBeGreaterThanOrEqual(4);
  for (const line of lines) {
    const entry = JSON.parse(line);
    expect(entry.requestId).toEqual(expect.any(String));
  }
  const all = lines.join('\n');
  for (const secret of [token, subject, note, 'Bartholomew']) expect(all).not.toContain(secret);
});
