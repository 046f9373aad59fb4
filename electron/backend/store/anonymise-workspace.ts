import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { ANONYMISATION_RULES, unclassifiedColumns, type ColumnRule, type SchemaColumn } from '../../../shared/anonymise/column-rules';
import { Pseudonyms, type PseudonymKind } from '../../../shared/anonymise/pseudonyms';
import { REWRITERS, ROW_FILTERS, type RewriteContext, type RewriterName, type RowFilterName } from '../../../shared/anonymise/row-rewriters';
import { AppError } from '../../../shared/contract/result';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { checkReport, checkSummary, translateSqliteError } from './sqlite-errors';
import { claimWorkspaceTarget, createPrivateFile, fsyncPath, removeQuietly, sameFile, temporarySibling, type Workspace } from './workspace-file';

export const ANONYMISED_WORKSPACE_NAME = 'Anonymised workspace';

export interface AnonymiseOptions {
  /** Every instant moves by this many days (negative: earlier). */
  shiftDays?: number;
  /** Replace an existing healthy workspace at the target (the rule of `claimWorkspaceTarget`). */
  replace?: boolean;
  /** The copy's workspace name; default "Anonymised workspace" (never the original's). */
  name?: string;
  /** The HMAC key; tests pass one. Default: 32 random bytes made for this copy and forgotten after it. */
  key?: Buffer;
}

export interface AnonymisedCopy {
  path: string;
  /** Original → pseudonym per kind. Callers other than tests drop it: it is never stored. */
  pseudonyms: Pseudonyms;
}

/** Every column of every table of a database, SQLite's own aside. */
export function schemaColumns(db: Db): SchemaColumn[] {
  return (
    db
      .prepare(
        `SELECT m.name AS "table", p.name AS "column", upper(p.type) AS type, p."notnull" AS "notNull"
           FROM sqlite_schema m, pragma_table_info(m.name) p
          WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
          ORDER BY m.name, p.cid`,
      )
      .all() as (SchemaColumn & { notNull: number })[]
  ).map((c) => ({ ...c }));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function columnExpression(rule: ColumnRule, column: string, notNull: boolean): string | null {
  const c = quote(column);
  switch (rule.kind) {
    case 'keep':
      return null;
    case 'pseudonym':
      return `anon_pseudonym('${rule.of}', ${c})`;
    case 'drop':
      return notNull ? `''` : 'NULL';
    case 'shift-date':
      return `${c} + @shiftMs`;
    case 'rewrite': {
      const args = [c, ...(rule.args ?? []).map(quote)].join(', ');
      const rewritten = `anon_rewrite('${rule.with}', ${args})`;
      return notNull ? `coalesce(${rewritten}, '')` : rewritten;
    }
  }
}

/** Rewrites every table of `db` (a private copy) by the rules; one transaction. */
function rewriteTables(db: Db, context: RewriteContext): void {
  const columns = schemaColumns(db) as (SchemaColumn & { notNull: number })[];
  const { missing } = unclassifiedColumns(columns);
  if (missing.length > 0) {
    const names = missing.map((c) => `${c.table}.${c.column}`).join(', ');
    throw new AppError('invalid-input', `This workspace has data this Interlock does not know how to anonymise (${names}); no copy was made. Update Interlock and try again.`);
  }
  db.function('anon_pseudonym', { deterministic: true }, (kind: unknown, value: unknown) => {
    if (value === null || value === undefined) return null;
    const original = Buffer.isBuffer(value) ? value.toString('hex') : String(value);
    return context.pseudonyms.of(kind as PseudonymKind, original);
  });
  db.function('anon_rewrite', { deterministic: true, varargs: true }, (name: unknown, value: unknown, ...args: unknown[]) => REWRITERS[name as RewriterName](value, args, context));
  db.function('anon_keep_row', { deterministic: true, varargs: true }, (name: unknown, ...args: unknown[]) => (ROW_FILTERS[name as RowFilterName] as (...a: unknown[]) => boolean)(...args) ? 1 : 0);

  const byTable = new Map<string, typeof columns>();
  for (const c of columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  db.transaction(() => {
    for (const [table, tableColumns] of byTable) {
      const rule = ANONYMISATION_RULES[table]!;
      const rows = rule.rows ?? 'keep';
      if (rows === 'drop') {
        db.exec(`DELETE FROM ${quote(table)}`);
        continue;
      }
      if (rows !== 'keep') db.prepare(`DELETE FROM ${quote(table)} WHERE NOT anon_keep_row('${rows.keepWhere}', ${rows.args.map(quote).join(', ')})`).run();
      const sets = tableColumns.flatMap((c) => {
        const expression = columnExpression(rule.columns[c.column]!, c.column, c.notNull === 1);
        return expression === null ? [] : [`${quote(c.column)} = ${expression}`];
      });
      if (sets.length === 0) continue;
      const statement = db.prepare(`UPDATE ${quote(table)} SET ${sets.join(', ')}`);
      const needsShift = statement.source.includes('@shiftMs');
      if (needsShift) statement.run({ shiftMs: context.shiftMs });
      else statement.run();
    }
    // ANALYZE's samples (sqlite_stat4) hold copies of indexed values: keys and names.
    const statTables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sqlite\\_stat%' ESCAPE '\\'`).pluck().all() as string[];
    for (const stat of statTables) db.exec(`DELETE FROM ${quote(stat)}`);
  })();
}

function keyedDigest(key: Buffer) {
  return (kind: PseudonymKind, value: string) => createHmac('sha256', key).update(kind).update('\u0000').update(value).digest('hex');
}

/**
 * Writes an anonymised copy of the open workspace to `target`:
 * 1. a copy of the workspace in memory (SQLite's serialize; never the workspace itself, and never a
 *    file: a kill mid-way must not leave the real names in a temporary folder);
 * 2. every table rewritten there by `ANONYMISATION_RULES` (names → pseudonyms keyed with a random
 *    key that is never stored, free text dropped, instants shifted, caches emptied), without a
 *    journal, so no page of the original is written anywhere else;
 * 3. `VACUUM INTO` a temporary sibling of the target: a fresh file holding only the rewritten rows,
 *    no free page with an old name in it;
 * 4. integrity_check, fsync, and the rename into place under `claimWorkspaceTarget`'s rule.
 */
export async function anonymiseWorkspace(workspace: Workspace, inputTarget: string, options: AnonymiseOptions = {}): Promise<AnonymisedCopy> {
  const target = resolve(inputTarget);
  if (sameFile(target, workspace.path)) throw new AppError('invalid-input', 'An anonymised copy needs a different file than the open workspace.');
  const shiftDays = options.shiftDays ?? 0;
  if (!Number.isInteger(shiftDays) || Math.abs(shiftDays) > 36_500) throw new AppError('invalid-input', 'The date shift must be a whole number of days, at most 36,500 either way.');
  const claim = claimWorkspaceTarget(target, { replace: options.replace ?? false });
  const built = temporarySibling(target);
  const pseudonyms = new Pseudonyms(keyedDigest(options.key ?? randomBytes(32)));
  try {
    const copy = new Database(workspace.db.serialize());
    try {
      // The copy in memory is thrown away on any failure: no journal, so the original's pages go nowhere else.
      copy.pragma('journal_mode = OFF');
      copy.pragma('foreign_keys = OFF');
      copy.pragma('temp_store = MEMORY');
      rewriteTables(copy, { pseudonyms, shiftMs: shiftDays * MS_PER_DAY, workspaceName: options.name?.trim() || ANONYMISED_WORKSPACE_NAME, workspaceId: randomUUID() });
      // Into an empty private file: one VACUUM INTO created would be readable by everyone.
      createPrivateFile(built);
      copy.prepare('VACUUM INTO ?').run(built);
    } finally {
      copy.close();
    }
    const check = new Database(built, { fileMustExist: true });
    try {
      check.pragma('journal_mode = DELETE');
      const result = checkReport(check, 'integrity_check');
      if (result !== 'ok') throw new AppError('workspace-corrupt', `The anonymised copy failed its integrity check (${checkSummary(result)}); ${target} was not written.`);
    } finally {
      check.close();
    }
    fsyncPath(built);
    claim.replaceWith(built);
    return { path: target, pseudonyms };
  } catch (error) {
    claim.release();
    removeQuietly(built);
    throw translateSqliteError(error, target);
  }
}
