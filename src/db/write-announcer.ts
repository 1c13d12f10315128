import {
  AliasNode,
  DeleteQueryNode,
  InsertQueryNode,
  RawNode,
  TableNode,
  UpdateQueryNode,
  type WithNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * A Kysely plugin that names the tables each statement writes, before it runs and again once it
 * has: installed on the engine's one Kysely instance, so every write this process makes (the
 * app's, a test's, the CLI's) reaches the read cache at once, without waiting for the database's
 * notification after commit. Before, too, so that a read racing the write is not kept.
 */
export class AnnounceWrites implements KyselyPlugin {
  readonly #written = new WeakMap<object, readonly string[]>();
  constructor(private readonly onWrite: (table: string) => void) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const tables = writtenTables(args.node);
    if (tables.length > 0) {
      this.#written.set(args.queryId, tables);
      for (const t of tables) this.onWrite(t);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const t of this.#written.get(args.queryId) ?? []) this.onWrite(t);
    return args.result;
  }
}

// A raw statement (sql`…`) is read for its verbs; an extra name (`DO UPDATE SET`) costs only a
// needless re-read, a missed one would serve a stale page.
const rawWrite = /\b(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** The tables an insert, update, delete or raw write statement writes, its CTEs' included. */
export function writtenTables(node: RootOperationNode): string[] {
  const tables: string[] = [];
  const visit = (n: OperationNode | undefined) => {
    if (!n) return;
    if (RawNode.is(n)) {
      for (const m of n.sqlFragments.join(' ').matchAll(rawWrite)) tables.push(m[1]!.toLowerCase());
      return;
    }
    const target = InsertQueryNode.is(n) ? n.into : UpdateQueryNode.is(n) ? n.table : DeleteQueryNode.is(n) ? n.from.froms[0] : undefined;
    const inner = target && AliasNode.is(target) ? target.node : target;
    if (inner && TableNode.is(inner)) tables.push(inner.table.identifier.name);
    for (const cte of ('with' in n ? (n.with as WithNode | undefined)?.expressions : undefined) ?? []) visit(cte.expression);
  };
  visit(node);
  return tables;
}
