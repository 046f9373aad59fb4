import { createReadStream, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { createBackend } from '../../electron/backend/backend';
import { callOrThrow } from '../../electron/cli/cli-support';
import { reportToParent, rssMb } from '../child-process';

// One import in a process of its own (see bench/scenarios/import.ts), so that its time and its peak
// memory are its own. Modes:
//   interlock       the app's import through the backend (workspace.create, import.start, polling
//                   import.progress as the Import page does, workspace.close)
//   csv-baseline    papaparse (streamed, arrays) and one bare prepared statement per file, all in one
//                   transaction, into tables with no types, constraints or indexes
//   json-baseline   JSON.parse per file and one bare prepared statement per kind of row (issues,
//                   status changes, issue links), in one transaction
// Both baselines write to a new file with the workspace's durability (rollback journal, synchronous=FULL).

export interface ImportChildInput {
  mode: 'interlock' | 'csv-baseline' | 'json-baseline';
  files: string[];
  target: string;
}

export interface ImportChildResult {
  ms: number;
  rows: number;
  /** interlock mode: the first `metrics.flow` (default scope) on the same backend right after the import, as the Flow page asks for it. */
  firstMetricsMs?: number;
  /** interlock mode: the import's counts and whether anything was rejected. */
  counts?: Record<string, number>;
  rejectedRows?: number;
  warnings?: number;
}

const input = JSON.parse(process.argv[2]!) as ImportChildInput;
const startRss = rssMb();

async function interlockImport(): Promise<ImportChildResult> {
  const backend = createBackend({ log: (message, error) => console.error(message, error) });
  const started = performance.now();
  await callOrThrow(backend, 'workspace.create', { path: input.target });
  const { jobId } = await callOrThrow(backend, 'import.start', {
    files: input.files.map((path) => ({ source: { kind: 'path', path }, format: 'auto' })),
    mode: 'import',
  });
  let status;
  for (;;) {
    status = await callOrThrow(backend, 'import.progress', { jobId });
    if (status.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const imported = performance.now();
  // Not part of the import's time: the first thing a person does after it.
  await callOrThrow(backend, 'metrics.flow', {});
  const firstMetricsMs = performance.now() - imported;
  const closing = performance.now();
  await callOrThrow(backend, 'workspace.close', {});
  const ms = imported - started + (performance.now() - closing);
  backend.close();
  if (status.state !== 'done' || !status.report?.committed) throw new Error(`the import did not commit: ${status.error?.message ?? status.state}`);
  const counts = status.report.counts as Record<string, number>;
  return { ms, firstMetricsMs, rows: Object.values(counts).reduce((a, b) => a + b, 0), counts, rejectedRows: status.report.rejectedRows, warnings: status.report.warnings };
}

function bareDatabase(): Database.Database {
  rmSync(input.target, { force: true });
  const db = new Database(input.target);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  return db;
}

function bareInsert(db: Database.Database, table: string, columns: number): Database.Statement {
  db.exec(`CREATE TABLE ${table} (${Array.from({ length: columns }, (_, c) => `c${c}`).join(', ')})`);
  return db.prepare(`INSERT INTO ${table} VALUES (${Array.from({ length: columns }, () => '?').join(', ')})`);
}

async function csvBaseline(): Promise<ImportChildResult> {
  const started = performance.now();
  const db = bareDatabase();
  let rows = 0;
  db.exec('BEGIN');
  for (const [f, file] of input.files.entries()) {
    let insert: Database.Statement | null = null;
    let width = 0;
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(createReadStream(file, 'utf8') as unknown as File, {
        chunk(results) {
          for (const row of results.data) {
            if (!insert) {
              width = row.length;
              insert = bareInsert(db, `file${f}`, width);
              continue;
            }
            if (row.length !== width) continue;
            insert.run(row.map((cell) => (cell === '' ? null : cell)));
            rows++;
          }
        },
        complete: () => resolve(),
        error: reject,
      });
    });
  }
  db.exec('COMMIT');
  db.close();
  return { ms: performance.now() - started, rows };
}

interface JiraIssue {
  key: string;
  fields: { summary: string; issuetype: { name: string }; status: { name: string }; created: string; resolutiondate: string | null; customfield_10042: { value: string }; issuelinks: { inwardIssue?: { key: string }; outwardIssue?: { key: string } }[] };
  changelog: { histories: { created: string; items: { fromString: string; toString: string }[] }[] };
}

function jsonBaseline(): ImportChildResult {
  const started = performance.now();
  const db = bareDatabase();
  const item = bareInsert(db, 'issues', 7);
  const change = bareInsert(db, 'changes', 4);
  const link = bareInsert(db, 'links', 3);
  let rows = 0;
  db.exec('BEGIN');
  for (const file of input.files) {
    const pages = JSON.parse(readFileSync(file, 'utf8')) as { issues: JiraIssue[] }[];
    for (const page of pages) {
      for (const issue of page.issues) {
        const f = issue.fields;
        item.run(issue.key, f.summary, f.issuetype.name, f.status.name, f.created, f.resolutiondate, f.customfield_10042.value);
        for (const h of issue.changelog.histories) for (const c of h.items) change.run(issue.key, c.fromString, c.toString, h.created);
        for (const l of f.issuelinks) link.run(issue.key, l.inwardIssue?.key ?? l.outwardIssue!.key, l.inwardIssue ? 'inward' : 'outward');
        rows += 1 + f.issuelinks.length + issue.changelog.histories.length;
      }
    }
  }
  db.exec('COMMIT');
  db.close();
  return { ms: performance.now() - started, rows };
}

const result = input.mode === 'interlock' ? await interlockImport() : input.mode === 'csv-baseline' ? await csvBaseline() : jsonBaseline();
reportToParent(result, startRss);
