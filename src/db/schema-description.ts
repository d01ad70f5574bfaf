// The migrated database as SQL text, from catalog queries (no pg_dump: the embedded PostgreSQL 18
// ships none, and older ones refuse an 18 server). Written to schema/database.sql by `npm run
// schema:database` and compared with it by a test, so it must be the same on every run: sorted
// by name, no OIDs, no monthly audit partitions (created ahead of time by date), no TypeORM
// bookkeeping table, no extension's own objects, and the connecting user (the owner) written as
// CURRENT_USER.

/** Runs one catalog query; the rows as plain objects (a pg Client or a TypeORM manager fits). */
export type CatalogQuery = (sql: string) => Promise<Array<Record<string, any>>>;

/** Tables that are bookkeeping of the ORM, not of the registry. */
const LEFT_OUT = `ARRAY['migrations', 'typeorm_metadata']`;

/** User schemas: neither PostgreSQL's own nor the information schema. */
const USER_NAMESPACE = `(SELECT oid FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema')`;

/** Not created by an extension (pg_trgm puts its functions and types in public). */
const notFromExtension = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/** The rows of a query of one `line` column, sorted bytewise whatever the database's collation. */
const byLine = (sql: string) => `SELECT line FROM (${sql}) AS unsorted ORDER BY line COLLATE "C"`;

/** A role by oid as the dump writes it: PUBLIC, CURRENT_USER (the owner who migrated), or its name. */
const roleName = (oid: string) =>
  `CASE WHEN ${oid} = 0 THEN 'PUBLIC' WHEN ${oid} = (SELECT oid FROM pg_roles WHERE rolname = current_user) THEN 'CURRENT_USER'
        ELSE quote_ident((SELECT rolname FROM pg_roles WHERE oid = ${oid})) END`;

/** GRANT statements of an ACL on `object` (SQL for e.g. `'FUNCTION f(uuid)'`), one per grantee, the owner's own rights left out. */
const grantsOf = (acl: string, owner: string, object: string) => byLine(`
  SELECT 'GRANT ' || string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) || ' ON ' || ${object}
         || ' TO ' || ${roleName('a.grantee')} || ';' AS line
    FROM aclexplode(${acl}) a WHERE a.grantee <> ${owner}
   GROUP BY a.grantee`);

export async function describeDatabase(query: CatalogQuery): Promise<string> {
  const lines = (sql: string) => query(sql).then((rows) => rows.map((r) => r.line as string));
  const out: string[] = [
    '-- The migrated database, schema only: regenerate with `npm run schema:database` (a test compares).',
    '-- Left out: the monthly audit_event partitions (made ahead by date), the migrations table, the',
    '-- objects of extensions; CURRENT_USER is the owner who ran the migrations.',
  ];
  const section = async (title: string, parts: string[] | Promise<string[]>) => {
    const body = await parts;
    if (body.length) out.push('', `-- ${title}`, ...body);
  };

  await section('Extensions', lines(`SELECT 'CREATE EXTENSION ' || quote_ident(extname) || ';' AS line
      FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname COLLATE "C"`));
  await section('Schema privileges', lines(`SELECT g.line FROM pg_namespace n, LATERAL (${grantsOf('n.nspacl', 'n.nspowner', `'SCHEMA ' || quote_ident(n.nspname)`)}) g
      WHERE n.oid IN ${USER_NAMESPACE} ORDER BY n.nspname COLLATE "C", g.line COLLATE "C"`));
  await section('Types', lines(byLine(`
    SELECT 'CREATE TYPE ' || t.oid::regtype::text || ' AS ENUM ('
           || (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) || ');' AS line
      FROM pg_type t WHERE t.typtype = 'e' AND t.typnamespace IN ${USER_NAMESPACE} AND ${notFromExtension('pg_type', 't.oid')}
    UNION ALL
    SELECT 'CREATE DOMAIN ' || t.oid::regtype::text || ' AS ' || format_type(t.typbasetype, t.typtypmod)
           || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
           || coalesce(' DEFAULT ' || t.typdefault, '')
           || coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), '' ORDER BY c.conname COLLATE "C")
                          FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '') || ';'
      FROM pg_type t WHERE t.typtype = 'd' AND t.typnamespace IN ${USER_NAMESPACE} AND ${notFromExtension('pg_type', 't.oid')}
    UNION ALL
    SELECT 'CREATE TYPE ' || t.oid::regtype::text || ' AS ('
           || (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                 FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) || ');'
      FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid
     WHERE t.typtype = 'c' AND c.relkind = 'c' AND t.typnamespace IN ${USER_NAMESPACE} AND ${notFromExtension('pg_type', 't.oid')}`)));
  await section('Sequences', lines(byLine(`
    SELECT 'CREATE SEQUENCE ' || c.oid::regclass::text || ' AS ' || format_type(s.seqtypid, NULL) || ' START ' || s.seqstart
           || ' INCREMENT ' || s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax
           || ' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END || ';' AS line
      FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
     WHERE c.relnamespace IN ${USER_NAMESPACE} AND ${notFromExtension('pg_class', 'c.oid')}
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i') -- not an identity column's own
       AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a' AND t.relname = ANY (${LEFT_OUT}))
`)));

  const tables = await query(`
    SELECT c.oid::int AS oid, c.oid::regclass::text AS name, c.relkind, c.relispartition,
           c.relrowsecurity, c.relforcerowsecurity, pg_get_partkeydef(c.oid) AS partition_key,
           pg_get_expr(c.relpartbound, c.oid) AS partition_bound,
           (SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = c.oid) AS parent
      FROM pg_class c
     WHERE c.relnamespace IN ${USER_NAMESPACE} AND c.relkind IN ('r', 'p', 'f')
       AND c.relname <> ALL (${LEFT_OUT})
       AND (NOT c.relispartition OR pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT')
       AND ${notFromExtension('pg_class', 'c.oid')}
     ORDER BY c.oid::regclass::text COLLATE "C"`);
  for (const table of tables) out.push('', ...(await describeTable(query, table)));

  await section('Views', lines(`
    SELECT 'CREATE ' || CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END || 'VIEW ' || c.oid::regclass::text
           || ' AS' || E'\\n' || rtrim(pg_get_viewdef(c.oid, true), ';') || ';' AS line
      FROM pg_class c WHERE c.relkind IN ('v', 'm') AND c.relnamespace IN ${USER_NAMESPACE} AND ${notFromExtension('pg_class', 'c.oid')}
     ORDER BY c.oid::regclass::text COLLATE "C"`));
  await section('View privileges', lines(`SELECT g.line FROM pg_class c, LATERAL (${grantsOf('c.relacl', 'c.relowner', 'c.oid::regclass::text')}) g
      WHERE c.relkind IN ('v', 'm') AND c.relnamespace IN ${USER_NAMESPACE} AND c.relacl IS NOT NULL AND ${notFromExtension('pg_class', 'c.oid')}
      ORDER BY c.oid::regclass::text COLLATE "C", g.line COLLATE "C"`));

  const functions = await query(`
    SELECT p.oid::regprocedure::text AS signature, rtrim(pg_get_functiondef(p.oid), E'\\n') AS definition,
           ${roleName('p.proowner')} AS owner,
           ARRAY(${grantsOf(`coalesce(p.proacl, acldefault('f', p.proowner))`, 'p.proowner',
             `'FUNCTION ' || p.oid::regprocedure::text`)}) AS grants
      FROM pg_proc p
     WHERE p.pronamespace IN ${USER_NAMESPACE} AND p.prokind IN ('f', 'p') AND ${notFromExtension('pg_proc', 'p.oid')}
     ORDER BY p.oid::regprocedure::text COLLATE "C"`);
  for (const fn of functions) {
    out.push('', `-- Function ${fn.signature}`, `${fn.definition};`);
    if (fn.owner !== 'CURRENT_USER') out.push(`ALTER FUNCTION ${fn.signature} OWNER TO ${fn.owner};`);
    out.push(...fn.grants);
  }

  await section('Default privileges', lines(byLine(`
    SELECT 'ALTER DEFAULT PRIVILEGES FOR ROLE ' || ${roleName('d.defaclrole')} || coalesce(' IN SCHEMA ' || quote_ident(n.nspname), '')
           || ' GRANT ' || a.privilege_type || ' ON ' || CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES'
              WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END || ' TO ' || ${roleName('a.grantee')} || ';' AS line
      FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a`)));
  return out.join('\n') + '\n';
}

interface TableRow {
  oid: number;
  name: string;
  relkind: string;
  relispartition: boolean;
  relrowsecurity: boolean;
  relforcerowsecurity: boolean;
  partition_key: string | null;
  partition_bound: string | null;
  parent: string | null;
}

/** One table: its columns, constraints, indexes, row-level security, policies, triggers and grants. */
async function describeTable(query: CatalogQuery, table: Record<string, any>): Promise<string[]> {
  const t = table as TableRow;
  const lines = (sql: string) => query(sql).then((rows) => rows.map((r) => r.line as string));
  const out = [`-- Table ${t.name}`];
  if (t.relispartition) {
    out.push(`CREATE TABLE ${t.name} PARTITION OF ${t.parent} ${t.partition_bound};`);
  } else {
    const columns = await lines(`
      SELECT '  ' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
             || CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation
                     THEN ' COLLATE ' || (SELECT quote_ident(collname) FROM pg_collation WHERE oid = a.attcollation) ELSE '' END
             || CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END
             || CASE WHEN a.attgenerated <> '' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ')'
                       || CASE a.attgenerated WHEN 's' THEN ' STORED' ELSE ' VIRTUAL' END
                     ELSE coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') END
             || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END AS line
        FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = ${t.oid} AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY a.attnum`);
    const kind = t.relkind === 'f' ? 'FOREIGN TABLE' : 'TABLE';
    out.push(`CREATE ${kind} ${t.name} (`, columns.join(',\n'), `)${t.partition_key ? ` PARTITION BY ${t.partition_key}` : ''};`);
  }
  // Constraints written on this table (a partition's inherited ones come with its parent); NOT
  // NULL is on the column above.
  out.push(...(await lines(`
    SELECT 'ALTER TABLE ' || '${t.name}' || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid) || ';' AS line
      FROM pg_constraint c WHERE c.conrelid = ${t.oid} AND c.conislocal AND c.contype <> 'n'
     ORDER BY position(c.contype::text IN 'pufcxt'), c.conname COLLATE "C"`)));
  // Indexes of their own (not a constraint's, not a partition of the parent's index).
  out.push(...(await lines(`
    SELECT pg_get_indexdef(i.indexrelid) || ';' AS line
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE i.indrelid = ${t.oid} AND NOT ic.relispartition
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = ${t.oid})
     ORDER BY ic.relname COLLATE "C"`)));
  if (t.relrowsecurity) out.push(`ALTER TABLE ${t.name} ENABLE ROW LEVEL SECURITY;`);
  if (t.relforcerowsecurity) out.push(`ALTER TABLE ${t.name} FORCE ROW LEVEL SECURITY;`);
  out.push(...(await lines(`
    SELECT 'CREATE POLICY ' || quote_ident(p.polname) || ' ON ${t.name}'
           || CASE WHEN p.polpermissive THEN '' ELSE ' AS RESTRICTIVE' END
           || ' FOR ' || CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END
           || ' TO ' || (SELECT string_agg(${roleName('r')}, ', ' ORDER BY ${roleName('r')} COLLATE "C") FROM unnest(p.polroles) r)
           || coalesce(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', '')
           || coalesce(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '') || ';' AS line
      FROM pg_policy p WHERE p.polrelid = ${t.oid} ORDER BY p.polname COLLATE "C"`)));
  // Triggers of their own (a partition's clones of its parent's come with the parent).
  out.push(...(await lines(`
    SELECT pg_get_triggerdef(tg.oid, true) || ';' AS line
      FROM pg_trigger tg WHERE tg.tgrelid = ${t.oid} AND NOT tg.tgisinternal AND tg.tgparentid = 0
     ORDER BY tg.tgname COLLATE "C"`)));
  out.push(...(await lines(`SELECT g.line FROM pg_class c, LATERAL (${grantsOf('c.relacl', 'c.relowner', 'c.oid::regclass::text')}) g
      WHERE c.oid = ${t.oid} AND c.relacl IS NOT NULL`)));
  out.push(...(await lines(byLine(`
    SELECT 'GRANT ' || string_agg(x.privilege_type, ', ' ORDER BY x.privilege_type) || ' (' || quote_ident(a.attname) || ') ON ${t.name} TO '
           || ${roleName('x.grantee')} || ';' AS line
      FROM pg_attribute a, aclexplode(a.attacl) x
     WHERE a.attrelid = ${t.oid} AND a.attacl IS NOT NULL
     GROUP BY a.attname, x.grantee`))));
  const owner = await query(`SELECT ${roleName('relowner')} AS owner FROM pg_class WHERE oid = ${t.oid}`);
  if (owner[0].owner !== 'CURRENT_USER') out.push(`ALTER TABLE ${t.name} OWNER TO ${owner[0].owner};`);
  return out;
}
