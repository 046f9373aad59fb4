// Runs in a child process for tests that need a second process on a workspace file:
//   hold FILE          open it, print "ready", keep it open until killed
//   open FILE          try to open it, print the result as JSON, exit
//   crash-write FILE N open it, insert N teams inside a transaction, then SIGKILL itself before commit
//   raw-open-kill FILE       open it with SQLite alone (no upgrade), as an open workspace is (exclusive
//                            lock), commit one change, then SIGKILL itself: a zeroed journal stays
//   raw-crash-write FILE N   the same, but killed mid-transaction after N teams: a hot journal stays
//   crash-update FILE [grow] open it, commit one change, then rewrite every work item's title in place (the
//                            file does not grow, so page 1 is not journaled) and SIGKILL itself before commit;
//                            with `grow` the last titles grow, and page 1 joins a later segment of the journal
import Database from 'better-sqlite3';
import { openWorkspace } from '../../electron/backend/store/workspace-file';
import { AppError } from '../../shared/contract/result';

const [mode, file, count] = process.argv.slice(2);

if (mode === 'raw-open-kill' || mode === 'raw-crash-write') {
  const db = new Database(file!, { fileMustExist: true });
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = DELETE');
  db.pragma('cache_size = 8');
  const insert = db.prepare('INSERT INTO teams (key, name) VALUES (?, ?)');
  if (mode === 'raw-open-kill') {
    insert.run('open-kill', 'Committed before the kill');
  } else {
    db.exec('BEGIN');
    for (let i = 0; i < Number(count); i++) insert.run(`crash-team-${i}`, `Crash ${i}`);
  }
  process.stdout.write('killing\n');
  process.kill(process.pid, 'SIGKILL');
}

try {
  const workspace = openWorkspace(file!);
  if (mode === 'hold') {
    process.stdout.write('ready\n');
    // Keep the connection reachable: a collected Database closes itself and drops the lock.
    setInterval(() => workspace.db.open, 1000);
  } else if (mode === 'open') {
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
    workspace.db.close();
  } else if (mode === 'crash-write') {
    // A tiny page cache makes SQLite spill changed pages into the file before commit, so the kill
    // leaves a hot journal that the next open must roll back.
    workspace.db.pragma('cache_size = 8');
    const insert = workspace.db.prepare('INSERT INTO teams (key, name, value_stream) VALUES (?, ?, NULL)');
    workspace.db.exec('BEGIN');
    for (let i = 0; i < Number(count); i++) insert.run(`crash-team-${i}`, `Crash ${i}`);
    process.stdout.write('written, not committed\n');
    process.kill(process.pid, 'SIGKILL');
  } else if (mode === 'crash-update') {
    workspace.db.prepare("UPDATE meta SET value = 'Renamed before the kill' WHERE key = 'name'").run();
    workspace.db.pragma('cache_size = 8');
    workspace.db.exec('BEGIN');
    // With `grow` a tenth of the titles double mid-way, so the file grows after the journal was first synced and page 1 joins a later segment of the journal.
    workspace.db.exec(count === 'grow' ? "UPDATE work_items SET title = CASE WHEN id BETWEEN (SELECT max(id) * 0.4 FROM work_items) AND (SELECT max(id) * 0.5 FROM work_items) THEN title || title ELSE upper(title) END" : 'UPDATE work_items SET title = upper(title)');
    process.stdout.write('written, not committed\n');
    process.kill(process.pid, 'SIGKILL');
  }
} catch (error) {
  const shape = error instanceof AppError ? error.toShape() : { code: 'internal', message: String(error) };
  process.stdout.write(`${JSON.stringify({ ok: false, error: shape })}\n`);
  process.exitCode = 1;
}
