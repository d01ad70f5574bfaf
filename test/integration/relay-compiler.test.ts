// Relay's own compiler accepts the committed schema: its @connection directive insists on the
// whole Relay cursor connection shape (pageInfo with hasPreviousPage and startCursor, last and
// before for backward paging), and @refetchable on Node types needs node(id:). The documents
// are committed in test/interop/relay/; the compiler writes into a temporary directory.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOCUMENTS = join(ROOT, 'test', 'interop', 'relay');

let workDir: string;
let run: ReturnType<typeof spawnSync>;
const artifact = (name: string) => readFileSync(join(workDir, 'src', '__generated__', `${name}.graphql.ts`), 'utf8');

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'registry-relay-'));
  mkdirSync(join(workDir, 'src', '__generated__'), { recursive: true });
  for (const file of readdirSync(DOCUMENTS).filter((f) => f.endsWith('.ts'))) copyFileSync(join(DOCUMENTS, file), join(workDir, 'src', file));
  copyFileSync(join(ROOT, 'schema', 'schema.graphql'), join(workDir, 'schema.graphql'));
  writeFileSync(join(workDir, 'relay.config.json'), JSON.stringify({
    src: './src',
    schema: './schema.graphql',
    language: 'typescript',
    artifactDirectory: './src/__generated__',
    customScalarTypes: { DateTime: 'string', CountryCode: 'string' },
  }));
  run = spawnSync(process.execPath, [require.resolve('relay-compiler/cli.js')], { cwd: workDir, encoding: 'utf8', timeout: 60_000 });
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('relay-compiler on schema/schema.graphql', () => {
  it('compiles the Relay documents and exits 0', () => {
    expect({ status: run.status, output: `${run.stdout}${run.stderr}` }).toEqual({ status: 0, output: expect.stringContaining('Compilation completed') });
  });

  it.each([
    'SeizureList_query', 'SeizureListPaginationQuery',
    'SeizureItems_seizure', 'SeizureItemsPaginationQuery',
    'ItemList_query', 'ItemListPaginationQuery',
    'SupplierMovements_supplier', 'SupplierMovementsPaginationQuery', 'SupplierMovementsScreenQuery',
  ])('writes the artifact %s', (name) => {
    expect(existsSync(join(workDir, 'src', '__generated__', `${name}.graphql.ts`))).toBe(true);
  });

  it('reads each connection in the direction the documents page it', () => {
    expect(artifact('SeizureList_query')).toMatch(/"direction": "forward"/);
    expect(artifact('ItemList_query')).toMatch(/"direction": "bidirectional"/);
    expect(artifact('SupplierMovements_supplier')).toMatch(/"direction": "backward"/);
    // The pagination queries select the whole pageInfo Relay keeps in its store.
    for (const field of ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']) {
      expect(artifact('ItemListPaginationQuery')).toContain(field);
    }
  });
});
