import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * FerretDB over PostgreSQL sends each equality it pushes down as `_jsonb->'field' @> value`,
 * which the btree indexes it makes (`(_jsonb->'field')`) cannot serve, so every lookup, `_id`
 * included, scans the collection's whole table: a third of a second for one document among
 * 100,000. A GIN index on the same expression serves `@>`, and the lookup reads what it finds
 * (measured: one registration by `_id`, 229 ms before, 10 ms after; a block of 256, 177 → 64 ms).
 *
 * FerretDB cannot make such an index, so Foro adds them in FerretDB's PostgreSQL database itself:
 * for every collection, on `_id` and on each top-level field of the indexes FerretDB records for
 * it (Foro's models', the sessions', GridFS's). Names are Foro's own, so FerretDB never touches
 * them; dropping a collection drops its table and them with it.
 */

/** A PostgreSQL index Foro adds: on which table, for which field. */
export interface LookupIndex {
  schema: string;
  table: string;
  field: string;
  name: string;
}

interface CollectionRow {
  table: string;
  indexes: { key?: Record<string, unknown> }[] | null;
}

/** PostgreSQL's limit on a name, in bytes; FerretDB's table names stay within it too. */
const MAX_NAME = 63;

/** A stable name for the index of `field` on `table`, unique and within PostgreSQL's limit. */
export function lookupIndexName(table: string, field: string): string {
  const hash = createHash('sha256').update(`${table}\0${field}`).digest('hex').slice(0, 8);
  const readable = field.replace(/[^A-Za-z0-9]/g, '').slice(0, 16);
  const suffix = `_${readable}_${hash}_lookup`;
  return `${table.slice(0, MAX_NAME - suffix.length)}${suffix}`;
}

/** The fields FerretDB may push down: top-level, not operators. */
const pushedDown = (field: string) => field !== '' && !field.includes('.') && !field.startsWith('$');

/** The indexes every collection of the database should have. */
async function wantedIndexes(client: pg.Client, schema: string): Promise<LookupIndex[]> {
  const exists = await client.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [
    `${client.escapeIdentifier(schema)}._ferretdb_database_metadata`,
  ]);
  if (!exists.rows[0]?.found) return [];
  const { rows } = await client.query<CollectionRow>(
    `SELECT _jsonb->>'table' AS "table", _jsonb->'indexes' AS indexes
       FROM ${client.escapeIdentifier(schema)}._ferretdb_database_metadata`,
  );
  return rows.flatMap(({ table, indexes }) => {
    const fields = new Set(['_id']);
    for (const index of indexes ?? []) for (const field of Object.keys(index.key ?? {})) fields.add(field);
    return [...fields]
      .filter(pushedDown)
      .map((field) => ({ schema, table, field, name: lookupIndexName(table, field) }));
  });
}

/** Foro's indexes present in the schema, and whether each is usable (a failed build is not). */
async function presentIndexes(client: pg.Client, schema: string): Promise<Map<string, boolean>> {
  const { rows } = await client.query<{ name: string; valid: boolean }>(
    `SELECT c.relname AS name, i.indisvalid AS valid
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname LIKE '%\\_lookup'`,
    [schema],
  );
  return new Map(rows.map((row) => [row.name, row.valid]));
}

/** Errors of a concurrent build by another process (it made the index first, or the two met). */
const LOST_RACE = new Set(['23505', '42P07', '40P01']);
/**
 * Two builds on one table that update its catalogue row at once: PostgreSQL reports it as an
 * internal error (XX000) with this message only, so it is known by the message.
 */
const CONCURRENT_CATALOG_UPDATE = 'tuple concurrently updated';

/**
 * Adds the lookup indexes the collections of `schema` (FerretDB's name for the database) lack, and
 * rebuilds any whose build was cut short. Built CONCURRENTLY, so writes go on meanwhile; several
 * processes may run this at once. Returns the indexes added.
 */
export async function addLookupIndexes(url: string, schema: string): Promise<LookupIndex[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'foro-lookup-indexes' });
  await client.connect();
  try {
    const present = await presentIndexes(client, schema);
    const added: LookupIndex[] = [];
    for (const index of await wantedIndexes(client, schema)) {
      const valid = present.get(index.name);
      if (valid) continue;
      const name = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(index.name)}`;
      try {
        if (valid === false) await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
        await client.query(
          `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${client.escapeIdentifier(index.name)}
             ON ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(index.table)}
             USING gin ((_jsonb -> ${client.escapeLiteral(index.field)}) jsonb_path_ops)`,
        );
        added.push(index);
      } catch (error) {
        // A table dropped meanwhile (a collection removed), or another process's build: the
        // next pass sees the outcome.
        const { code, message } = error as { code?: string; message?: string };
        if (code !== '42P01' && !LOST_RACE.has(code ?? '') && !message?.includes(CONCURRENT_CATALOG_UPDATE))
          throw error;
      }
    }
    return added;
  } finally {
    await client.end();
  }
}
