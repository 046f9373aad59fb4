import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMISATION_RULES, unclassifiedColumns } from '../../../shared/anonymise/column-rules';
import { GENERIC_LINK_TYPES, keptAsItIs, pseudonymPattern } from '../../../shared/anonymise/pseudonyms';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { anonymiseWorkspace, schemaColumns } from '../../../electron/backend/store/anonymise-workspace';
import { LATEST_SCHEMA_VERSION } from '../../../electron/backend/store/migrations';
import { createWorkspace, closeWorkspace, INTERLOCK_APPLICATION_ID, openWorkspace } from '../../../electron/backend/store/workspace-file';
import { tempDir } from '../../support/temp-files';
import { richWorkspace, type RichWorkspace } from './anonymise-fixture';

/** Every text the original holds in a column an anonymised copy must not carry as it is. */
function namesIn(db: Database.Database): Set<string> {
  const names = new Set<string>();
  for (const [table, rule] of Object.entries(ANONYMISATION_RULES)) {
    for (const [column, columnRule] of Object.entries(rule.columns)) {
      if (columnRule.kind === 'keep' || columnRule.kind === 'shift-date') continue;
      const values = db.prepare(`SELECT DISTINCT "${column}" FROM "${table}" WHERE typeof("${column}") = 'text'`).pluck().all() as string[];
      for (const value of values) {
        // A deck view of a page and nothing more ("/plan", as the demo's deck holds) names nothing: the copy keeps it.
        if (columnRule.kind === 'rewrite' && columnRule.with === 'deck-address' && /^\/[a-z-]+$/.test(value)) continue;
        if (columnRule.kind === 'rewrite') namesInBody(safeJson(value), names);
        else if (!(columnRule.kind === 'pseudonym' && keptAsItIs(columnRule.of, value))) names.add(value);
      }
    }
  }
  for (const generic of GENERIC_LINK_TYPES) names.delete(generic);
  return names;
}

/** The strings of a JSON body that name something (the vocabulary of its fields — "merge", "linear" — names nothing). */
const NAME_FIELDS = new Set(['name', 'key', 'title', 'teamKey', 'toTeamKey', 'teamKeys', 'dependencyKeys', 'iteration']);
function namesInBody(body: unknown, names: Set<string>, field: string | null = null): void {
  if (typeof body === 'string' && (field === null || NAME_FIELDS.has(field))) names.add(body);
  else if (Array.isArray(body)) for (const v of body) namesInBody(v, names, field);
  else if (typeof body === 'object' && body !== null) for (const [k, v] of Object.entries(body)) namesInBody(v, names, k);
}

/** The file's bytes as text with every pseudonym blanked out: "DEP-1" must not count as found in "DEP-1f3a9c2b". */
function textWithoutPseudonyms(path: string): string {
  return readFileSync(path).toString('latin1').replace(pseudonymPattern(), (m) => ' '.repeat(m.length));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

describe('an anonymised copy', () => {
  let original: RichWorkspace;
  let copyPath: string;
  const shiftDays = -91;

  beforeAll(async () => {
    original = await richWorkspace();
    copyPath = join(original.dir, 'shared.interlock');
    await anonymiseWorkspace(original.backend.context.session.require(), copyPath, { shiftDays });
  });
  afterAll(() => original.dispose());

  it('classifies every column of the current schema, and no column that is gone', () => {
    const tmp = tempDir();
    try {
      const fresh = createWorkspace(tmp.path('fresh.interlock'));
      const columns = schemaColumns(fresh.db);
      closeWorkspace(fresh);
      expect(columns.length).toBeGreaterThan(80);
      const { missing, stale } = unclassifiedColumns(columns);
      expect(missing.map((c) => `${c.table}.${c.column} (${c.type})`)).toEqual([]);
      expect(stale).toEqual([]);
    } finally {
      tmp.cleanup();
    }
  });

  it('holds no original name, key, title or free text anywhere in its bytes (free pages included)', () => {
    const { db } = original.backend.context.session.require();
    const names = namesIn(db);
    // What an empty workspace holds anyway (table and column names in the schema, the settings'
    // field names such as "sosBlockedDaysPerItem") proves nothing.
    const tmp = tempDir();
    let empty: Buffer;
    try {
      const fresh = createWorkspace(tmp.path('empty.interlock'));
      const kept = db.prepare("SELECT key, value FROM settings WHERE key IN ('coordination', 'metrics')").all() as { key: string; value: string }[];
      for (const row of kept) fresh.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(row.key, row.value);
      closeWorkspace(fresh);
      empty = readFileSync(tmp.path('empty.interlock'));
    } finally {
      tmp.cleanup();
    }
    const checked = [...names].filter((n) => Buffer.byteLength(n) >= 4 && !empty.includes(n));
    expect(checked.length).toBeGreaterThan(1000);
    expect(checked).toEqual(expect.arrayContaining(['Client Portfolio Acme', 'Acme Retail GmbH', 'Tuesdays at 10 with the Acme PMO', 'Checkout ART sync', 'Basket and Checkout together', 'ACMEBANK-PAY-7']));
    const latin1 = (name: string) => Buffer.from(name, 'utf8').toString('latin1');
    const copyText = textWithoutPseudonyms(copyPath);
    expect(checked.filter((name) => copyText.includes(latin1(name)))).toEqual([]);
    // The original does hold them: the check can fail.
    const originalText = readFileSync(original.path).toString('latin1');
    expect(checked.filter((name) => originalText.includes(latin1(name))).length).toBeGreaterThan(checked.length * 0.9);
  });

  it('is a healthy workspace of the current schema, named as an anonymised one', () => {
    // Opened as a copy: closing runs PRAGMA optimize, which would write fresh statistics into it.
    const opened = join(original.dir, 'opened.interlock');
    copyFileSync(copyPath, opened);
    const workspace = openWorkspace(opened);
    try {
      expect(workspace.db.pragma('application_id', { simple: true })).toBe(INTERLOCK_APPLICATION_ID);
      expect(workspace.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(workspace.db.prepare("SELECT value FROM meta WHERE key = 'name'").pluck().get()).toBe('Anonymised workspace');
      expect(workspace.db.prepare('SELECT key FROM meta ORDER BY key').pluck().all()).toEqual(['created_at', 'name', 'workspace_id']);
      // Another workspace, with backups of its own: not the original's identity.
      const idOf = (db: Database.Database) => db.prepare("SELECT value FROM meta WHERE key = 'workspace_id'").pluck().get() as string;
      expect(idOf(workspace.db)).toMatch(/^[0-9a-f-]{36}$/);
      expect(idOf(workspace.db)).not.toBe(idOf(original.backend.context.session.require().db));
    } finally {
      closeWorkspace(workspace);
    }
  });

  it('drops the metrics snapshot (a cache of names and dates) and ANALYZE samples, keeps every other row', () => {
    const { db } = original.backend.context.session.require();
    expect(db.prepare('SELECT count(*) FROM metrics_snapshot').pluck().get()).toBe(1);
    const copy = new Database(copyPath, { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) FROM metrics_snapshot').pluck().get()).toBe(0);
      const statTables = copy.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'sqlite_stat%'").pluck().all() as string[];
      for (const stat of statTables) expect(copy.prepare(`SELECT count(*) FROM ${stat}`).pluck().get()).toBe(0);
      for (const table of Object.keys(ANONYMISATION_RULES)) {
        const expected = table === 'metrics_snapshot' ? 0 : table === 'meta' ? 3 : table === 'settings' ? (db.prepare(`SELECT count(*) FROM settings WHERE key IN ('coordination', 'metrics', 'risks.lastKeyNumber')`).pluck().get() as number) : (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
        expect([table, copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get()]).toEqual([table, expected]);
      }
    } finally {
      copy.close();
    }
  });

  it('moves every instant by the shift and leaves numbers, ids and vocabularies as they were', () => {
    const { db } = original.backend.context.session.require();
    const copy = new Database(copyPath, { readonly: true });
    try {
      const query = 'SELECT id, type, status_category, created_at, done_at, size FROM work_items ORDER BY id';
      const before = db.prepare(query).all() as { created_at: number; done_at: number | null }[];
      const after = copy.prepare(query).all();
      const shift = shiftDays * MS_PER_DAY;
      expect(after).toEqual(before.map((r) => ({ ...r, created_at: r.created_at + shift, done_at: r.done_at === null ? null : r.done_at + shift })));
      const transitions = 'SELECT id, item_id, to_category, at FROM status_transitions ORDER BY id';
      expect(copy.prepare(transitions).all()).toEqual((db.prepare(transitions).all() as { at: number }[]).map((r) => ({ ...r, at: r.at + shift })));
      expect(copy.prepare('SELECT cadence FROM forums').pluck().all()).toEqual([null, null]);
    } finally {
      copy.close();
    }
  });

  it("keeps the keys Interlock made (RISK-n, a planner's objective) and gives a client's own risk key a pseudonym", () => {
    const { db } = original.backend.context.session.require();
    const copy = new Database(copyPath, { readonly: true });
    try {
      const riskKeys = (d: Database.Database) => d.prepare('SELECT key FROM risks ORDER BY id').pluck().all() as string[];
      const made = riskKeys(db).filter((k) => /^RISK-\d+$/.test(k));
      expect(made.length).toBeGreaterThan(0);
      expect(riskKeys(copy)).toEqual(riskKeys(db).map((k) => (k === 'ACMEBANK-PAY-7' ? expect.stringMatching(/^R-[0-9a-f]{8}$/) : k)));
      const local = "SELECT key FROM objectives WHERE key LIKE 'interlock:%' ORDER BY id";
      expect(db.prepare(local).pluck().all().length).toBeGreaterThan(0);
      expect(copy.prepare(local).pluck().all()).toEqual(db.prepare(local).pluck().all());
    } finally {
      copy.close();
    }
  });

  describe('edge cases', () => {
    it('a column no rule classifies stops the copy, and nothing is written', async () => {
      const tmp = tempDir();
      try {
        const workspace = createWorkspace(tmp.path('newer.interlock'));
        workspace.db.exec("ALTER TABLE teams ADD COLUMN notes TEXT; CREATE TABLE rumours (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO rumours (title) VALUES ('Acme may leave')");
        await expect(anonymiseWorkspace(workspace, tmp.path('out.interlock'))).rejects.toThrow(/rumours\.id, rumours\.title, teams\.notes/);
        closeWorkspace(workspace);
        expect(existsSync(tmp.path('out.interlock'))).toBe(false);
        expect(readdirNames(tmp.dir)).toEqual(['newer.interlock']);
      } finally {
        tmp.cleanup();
      }
    });

    it('never over the open workspace, never over an existing file without replace, never a shift that is not whole days', async () => {
      const workspace = original.backend.context.session.require();
      await expect(anonymiseWorkspace(workspace, original.path)).rejects.toThrow('different file');
      await expect(anonymiseWorkspace(workspace, copyPath)).rejects.toThrow('already exists');
      await expect(anonymiseWorkspace(workspace, join(original.dir, 'x.interlock'), { shiftDays: 1.5 })).rejects.toThrow('whole number');
      expect(existsSync(join(original.dir, 'x.interlock'))).toBe(false);
    });

    it('two copies of one workspace share no pseudonym (each has its own key)', async () => {
      const workspace = original.backend.context.session.require();
      const a = await anonymiseWorkspace(workspace, join(original.dir, 'a.interlock'));
      const b = await anonymiseWorkspace(workspace, join(original.dir, 'b.interlock'));
      const teamsA = [...a.pseudonyms.mapping().get('team')!.values()];
      const teamsB = new Set(b.pseudonyms.mapping().get('team')!.values());
      expect(teamsA.length).toBeGreaterThan(10);
      expect(teamsA.filter((t) => teamsB.has(t))).toEqual([]);
    });
  });
});

function readdirNames(dir: string): string[] {
  return readdirSync(dir).sort();
}
