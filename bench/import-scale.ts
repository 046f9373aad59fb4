// Import at scale: writes N items and 10 status changes per item as Interlock CSVs, then imports
// both through the CLI path and prints time, memory and the baseline (papaparse + one bare prepared
// statement in one transaction) for the same transitions file. Not a test: no timed assertions.
//   npx tsx bench/import-scale.ts [items=100000]
import { copyFileSync, mkdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import Database from 'better-sqlite3';
import { createReadStream } from 'node:fs';
import { runCli } from '../electron/cli/run-cli';

const items = Number(process.argv[2] ?? 100_000);
const dir = join('bench', 'data', `import-${items}`);
mkdirSync(dir, { recursive: true });
const itemsFile = join(dir, 'items.csv');
const transitionsFile = join(dir, 'transitions.csv');
const STEPS = ['To Do', 'In Progress', 'In Review', 'Ready for Test', 'Testing', 'Blocked', 'Testing', 'Ready for Release', 'Released', 'Done'];

async function writeFiles(): Promise<void> {
  const base = Date.UTC(2024, 0, 1);
  const lines = ['key,title,type,team,status,created_at'];
  for (let i = 0; i < items; i++) lines.push(`IT-${i},Item ${i},story,team-${i % 40},Done,${new Date(base + i * 60_000).toISOString()}`);
  writeFileSync(itemsFile, lines.join('\n') + '\n');
  const out = createWriteStream(transitionsFile);
  out.write('item,from_status,to_status,at\n');
  for (let i = 0; i < items; i++) {
    let chunk = '';
    for (let s = 0; s < STEPS.length; s++) chunk += `IT-${i},${s ? STEPS[s - 1] : ''},${STEPS[s]},${new Date(base + i * 60_000 + s * 3_600_000).toISOString()}\n`;
    out.write(chunk);
  }
  await new Promise((r) => out.end(r));
}

/**
 * papaparse + one bare prepared statement in one transaction: into a bare table, or (`schema`) into
 * the workspace's own status_transitions table (its index and foreign key), looking item ids up.
 */
async function baseline(schema: boolean): Promise<number> {
  const path = join(dir, 'baseline.sqlite');
  rmSync(path, { force: true });
  if (schema) copyFileSync(join(dir, 'items-only.interlock'), path);
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  let stmt: Database.Statement;
  const ids = new Map<string, number>();
  if (schema) {
    for (const [id, key] of db.prepare('SELECT id, key FROM work_items').raw().all() as [number, string][]) ids.set(key, id);
    stmt = db.prepare("INSERT INTO status_transitions (item_id, from_status, to_status, to_category, at) VALUES (?, ?, ?, 'active', ?)");
  } else {
    db.exec('CREATE TABLE t (item TEXT, from_status TEXT, to_status TEXT, at INTEGER)');
    stmt = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
  }
  const started = performance.now();
  db.exec('BEGIN');
  await new Promise<void>((resolve) => {
    let first = true;
    Papa.parse<string[]>(createReadStream(transitionsFile, 'utf8') as unknown as File, {
      chunk(results) {
        for (const row of results.data) {
          if (first) { first = false; continue; }
          if (row.length === 4) stmt.run(schema ? ids.get(row[0]!) : row[0], row[1] || null, row[2], Date.parse(row[3]!));
        }
      },
      complete: () => resolve(),
    });
  });
  db.exec('COMMIT');
  db.close();
  return (performance.now() - started) / 1000;
}

await writeFiles();
const workspace = join(dir, 'scale.interlock');
rmSync(workspace, { force: true });
const io = { out: (l: string) => console.log(l), err: () => undefined };
let started = performance.now();
await runCli(['import', itemsFile, '--into', workspace], io);
const itemsSeconds = (performance.now() - started) / 1000;
copyFileSync(workspace, join(dir, 'items-only.interlock'));
started = performance.now();
await runCli(['import', transitionsFile, '--into', workspace], io);
const transitionsSeconds = (performance.now() - started) / 1000;
const rss = process.memoryUsage().rss / 1024 ** 2;
const bare = await baseline(false);
const sameTable = await baseline(true);
console.log(`items: ${itemsSeconds.toFixed(1)} s; transitions (CLI, open to close): ${transitionsSeconds.toFixed(1)} s; rss ${rss.toFixed(0)} MB`);
console.log(`baseline papaparse + one bare prepared statement: into a bare table ${bare.toFixed(1)} s (ratio ${(transitionsSeconds / bare).toFixed(2)}), into status_transitions ${sameTable.toFixed(1)} s (ratio ${(transitionsSeconds / sameTable).toFixed(2)})`);
