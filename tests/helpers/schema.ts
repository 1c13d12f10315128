import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';

/**
 * The public schema as catalog facts that do not depend on the server's version: tables and
 * columns with types, nullability and defaults; constraints; indexes; triggers.
 */
export async function schemaFingerprint(db: Db) {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    generated: string;
  }>`
    SELECT table_name, column_name, data_type, is_nullable, column_default, is_generated AS generated
    FROM information_schema.columns WHERE table_schema = 'public'
    ORDER BY table_name, column_name`.execute(db);
  const constraints = await sql<{ table_name: string; name: string; type: string; definition: string }>`
    SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, c.contype::text AS type,
           regexp_replace(pg_get_constraintdef(c.oid), '\\s+', ' ', 'g') AS definition
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.contype <> 'n' -- PostgreSQL 18 lists NOT NULL here too; columns carry it already
    ORDER BY 1, 2`.execute(db);
  const indexes = await sql<{ table_name: string; name: string; definition: string }>`
    SELECT tablename AS table_name, indexname AS name, indexdef AS definition
    FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`.execute(db);
  const triggers = await sql<{ table_name: string; name: string }>`
    SELECT event_object_table AS table_name, trigger_name AS name, string_agg(event_manipulation, ',' ORDER BY event_manipulation) AS events
    FROM information_schema.triggers WHERE trigger_schema = 'public' GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows, triggers: triggers.rows };
}
