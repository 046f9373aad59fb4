import { afterAll, describe, expect, it } from 'vitest';
import { captureCli } from '../../support/cli-capture';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrate } from '../../../electron/backend/store/migrations';
import { INTERLOCK_APPLICATION_ID } from '../../../electron/backend/store/workspace-file';
import { join } from 'node:path';
import { PROJECT_ROOT, runTs } from '../../support/child-process';
import { sha256, tempDir } from '../../support/temp-files';

const cli = (args: string[]) => captureCli(args);

describe('the interlock command line', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  /** A workspace as Interlock wrote it at schema 9, with a name and one team. */
  function schemaNineWorkspace(name: string): string {
    const path = tmp.path(name);
    const db = new Database(path);
    db.pragma(`application_id = ${INTERLOCK_APPLICATION_ID}`);
    migrate(db, path, 9);
    db.exec(`INSERT INTO meta (key, value) VALUES ('name', 'Old nine'); INSERT INTO teams (key, name) VALUES ('t', 'T')`);
    db.close();
    return path;
  }

  it('demo writes a workspace and info --json prints its schema version and counts', async () => {
    const file = tmp.path('d.interlock');
    const demo = await cli(['demo', file, '--items', '300', '--seed', '4']);
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Wrote .*d\.interlock: 300 items/);
    const info = await cli(['info', file, '--json']);
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.out);
    expect(parsed.schemaVersion).toBeGreaterThanOrEqual(3);
    expect(parsed.counts).toMatchObject({ teams: 12, items: 300 });
    expect(parsed.tables.work_items).toBe(300);
  });

  it('info without --json prints a readable table of rows per table', async () => {
    const file = tmp.path('h.interlock');
    await cli(['demo', file, '--items', '60']);
    const info = await cli(['info', file]);
    expect(info.out).toMatch(/Schema\s+version \d+/);
    expect(info.out).toMatch(/work_items\s+60/);
  });

  it('info and an import dry run change no byte of the file: a current workspace, or an older one they read through a copy upgraded in memory', async () => {
    const current = tmp.path('look-current.interlock');
    await cli(['demo', current, '--items', '60']);
    const old = schemaNineWorkspace('look-old.interlock');
    const teams = tmp.path('look-teams.csv');
    writeFileSync(teams, 'Key,Name,Value stream\nt2,Team Two,Stream A\n');
    for (const file of [current, old]) {
      const before = sha256(file);
      const info = await cli(['info', file]);
      expect(info.code, info.err).toBe(0);
      const dry = await cli(['import', teams, '--into', file, '--dry-run']);
      expect(dry.code, dry.err).toBe(0);
      expect(dry.out).toContain('Dry run, nothing written: would import 1 teams');
      expect(sha256(file), file).toBe(before);
      expect(existsSync(`${file}-journal`)).toBe(false);
    }
    const info = await cli(['info', old]);
    expect(info.out).toContain(`Schema     version 9 (this Interlock upgrades it to ${LATEST_SCHEMA_VERSION} when it opens it to work in it, keeping a backup; this look did not)`);
    expect(JSON.parse((await cli(['info', old, '--json'])).out)).toMatchObject({ schemaVersion: 9, counts: { teams: 1 } });
  });

  it('an import dry run that the import would refuse whole says so and exits 1, as the import does', async () => {
    const file = tmp.path('dry-refused.interlock');
    await cli(['demo', file, '--items', '60']);
    const teams = tmp.path('dry-teams.csv');
    writeFileSync(teams, 'Key,Name,Value stream\nt9,Team Nine,Stream A\n');
    // A risks file with a row naming a scope that does not exist: imported whole or not at all.
    const risks = tmp.path('dry-risks.csv');
    writeFileSync(risks, 'key,title,status,scope,scope_key\nR-1,Good,owned,team,t9\nR-2,Bad,owned,team,nobody\n');
    const dry = await cli(['import', teams, risks, '--into', file, '--dry-run']);
    const real = await cli(['import', teams, risks, '--into', file]);
    expect([dry.code, real.code]).toEqual([1, 1]);
    expect(dry.out).not.toContain('would import');
    expect(dry.err).toContain('Dry run, nothing written: the import would be refused, nothing imported: dry-risks.csv: 1 risk is rejected');
    expect(real.err).toContain('Nothing was imported: dry-risks.csv: 1 risk is rejected');
    const json = JSON.parse((await cli(['import', teams, risks, '--into', file, '--dry-run', '--json'])).out);
    expect(json.dryRun).toBe(true);
  });

  it('a whole-file error names its file once on its line (it read "error odd.csv: odd.csv: The headers …")', async () => {
    const file = tmp.path('names-once.interlock');
    await cli(['demo', file, '--items', '60']);
    const odd = tmp.path('odd.csv');
    writeFileSync(odd, 'foo,bar\n1,2\n');
    const result = await cli(['import', odd, '--into', file, '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toContain('error odd.csv: The headers (foo, bar) match none of the formats Interlock reads. Choose the format and map the columns.');
    // The refusal, read on its own, still names the file.
    expect(result.err).toContain('nothing imported: odd.csv: The headers (foo, bar)');
  });

  it('demo --force over a damaged workspace says that file is damaged and was not replaced, in one line', async () => {
    // One page of its data overwritten: the header and the schema read, its integrity check fails.
    const damaged = tmp.path('damaged.interlock');
    await cli(['demo', damaged]);
    const bytes = readFileSync(damaged);
    bytes.fill(0x55, 4096 * 71, 4096 * 72);
    writeFileSync(damaged, bytes);
    const before = sha256(damaged);
    const forced = await cli(['demo', damaged, '--force']);
    expect(forced.code).toBe(1);
    expect(forced.err.trim().split('\n')).toHaveLength(1);
    expect(forced.err).toContain(`Not replaced: ${damaged} is a damaged workspace, and a damaged file is never replaced; it was left as it is.`);
    expect(forced.err).not.toContain('integrity check');
    expect(sha256(damaged)).toBe(before);
  });

  it('runs as `npm run cli` would, in its own process, with exit code 0', async () => {
    const file = tmp.path('p.interlock');
    const run = await runTs('electron/cli/main.ts', ['demo', file, '--items', '50']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('--help after a command, or help before it, shows that command and exits 0', async () => {
    for (const args of [['recommend', '--help'], ['forecast', '--workspace', 'x.interlock', '-h'], ['help', 'recommend']]) {
      const shown = await cli(args);
      expect(shown.code, args.join(' ')).toBe(0);
      expect(shown.err).toBe('');
      expect(shown.out.split('\n')[0]).toMatch(new RegExp(`^usage: interlock ${args[0] === 'help' ? args[1] : args[0]} --workspace FILE`));
    }
    // Nothing is done: no workspace was opened or made.
    expect(existsSync('x.interlock')).toBe(false);
    // After "--" it is a value, not a request for help.
    expect((await cli(['demo', tmp.path('dash.interlock'), '--items', '50', '--', '--help'])).out).not.toMatch(/^usage:/);
  });

  it('under `npm run cli` (no `interlock` command exists in a checkout), every hint to type says `npm run cli --`', async () => {
    const npm = { npm_lifecycle_event: 'cli', INTERLOCK_PASSPHRASE: 'a passphrase for hints' };
    const file = tmp.path('hints.interlock');
    expect((await captureCli(['demo', file, '--items', '50'], npm)).code).toBe(0);
    // A replace keeps a backup, so that the list below has one to restore.
    expect((await captureCli(['demo', file, '--items', '50', '--force'], npm)).code).toBe(0);
    const sealed = await captureCli(['seal', file, '--out', tmp.path('hints.sealed')], npm);
    expect(sealed.out).toContain(`Open it with: npm run cli -- unseal "${tmp.path('hints.sealed')}" --out FILE.interlock`);
    expect((await captureCli(['backups', file], npm)).out).toContain(`Restore one with: npm run cli -- backups "${file}" --restore N`);
    // The backend's hints, which the app shares, too.
    const damaged = tmp.path('hints-damaged.interlock');
    await cli(['demo', damaged, '--items', '300']);
    const bytes = readFileSync(damaged);
    bytes.fill(0x55, 4096 * 71, 4096 * 72);
    writeFileSync(damaged, bytes);
    const refused = await captureCli(['metrics', '--workspace', damaged], npm);
    expect(refused.err).toContain(`on the command line: \`npm run cli -- backups "${damaged}"\` lists them)`);
    const help = await captureCli(['help'], npm);
    expect(help.out).toContain('Usage: npm run cli -- <command> [options]');
    expect(help.out).toContain('npm run cli -- <command> --help (or npm run cli -- help <command>) shows one command.');
    expect((await captureCli(['plan'], npm)).err).toContain('usage: npm run cli -- plan board|list|conflicts');
    expect((await captureCli(['nosuch'], npm)).err).toContain('Run "npm run cli -- help" for the list.');
    const all = [sealed.out, refused.err, help.out].join('\n');
    expect(all).not.toMatch(/`interlock |interlock (unseal|backups|help) /);
    // Run otherwise (as an installed `interlock` would be), the hints say `interlock`.
    expect((await captureCli(['backups', file], {})).out).toContain(`Restore one with: interlock backups "${file}"`);
  });

  it('info reads a workspace another SQLite tool switched to write-ahead logging, its log included, and leaves the file as it is', async () => {
    const file = tmp.path('wal.interlock');
    expect((await cli(['demo', file, '--items', '60'])).code).toBe(0);
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec(`INSERT INTO teams (key, name) VALUES ('from-the-log', 'Only in the log')`);
    const copy = tmp.path('wal-copy.interlock');
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    writer.close();
    const before = sha256(copy);
    const info = await cli(['info', copy, '--json']);
    expect(info.code, info.err).toBe(0);
    expect(JSON.parse(info.out).counts.teams).toBe(13);
    expect(sha256(copy)).toBe(before);
  });

  it('commands that only read (anonymise and seal too) leave a workspace of an older schema as it is, and say they read an upgraded copy', async () => {
    const old = schemaNineWorkspace('read-old.interlock');
    const before = sha256(old);
    process.env.INTERLOCK_PASSPHRASE = 'correct horse battery staple';
    const copies = [
      ['anonymise', old, '--out', tmp.path('read-old-anon.interlock')],
      ['seal', old, '--out', tmp.path('read-old.sealed')],
      ['copy', old, '--out', tmp.path('read-old-copy.interlock')],
    ];
    for (const args of [['metrics', '--workspace', old], ['recommend', '--workspace', old], ['plan', 'list', '--workspace', old], ...copies]) {
      const shown = await cli(args);
      expect(shown.code, `${args.join(' ')}: ${shown.err}`).toBe(0);
      expect(shown.err).toContain('older Interlock (schema 9): read through a copy upgraded in memory');
      expect(sha256(old), args[0]).toBe(before);
    }
    delete process.env.INTERLOCK_PASSPHRASE;
    // The copies are of the current schema, as any Interlock-written file.
    const anonymised = new Database(tmp.path('read-old-anon.interlock'), { readonly: true });
    expect(anonymised.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    anonymised.close();
    const copied = new Database(tmp.path('read-old-copy.interlock'), { readonly: true });
    expect(copied.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    copied.close();
  });

  it('import --day-order reads month-first dates the first rows could not prove; without it, the row that proves them says so', async () => {
    const deploys = tmp.path('us-deploys.csv');
    const rows = Array.from({ length: 55 }, (_, i) => `04/${String((i % 11) + 1).padStart(2, '0')}/2024 ${String(10 + (i % 9)).padStart(2, '0')}:${String(i).padStart(2, '0')},web,checkout,success`);
    writeFileSync(deploys, ['deployed_at,service,team,result', ...rows, '04/20/2024 10:00,web,checkout,success'].join('\n'));
    const guessed = await cli(['import', deploys, '--into', tmp.path('guessed.interlock'), '--dry-run']);
    expect(guessed.err).toContain('as month/day/year it is. Choose that date order (on the Import page, or --day-order mdy)');
    expect(guessed.err).toContain('--day-order mdy) and preview again');
    const file = tmp.path('us.interlock');
    const read = await cli(['import', deploys, '--into', file, '--day-order', 'mdy', '--json']);
    expect(read.code, read.err).toBe(0);
    expect(JSON.parse(read.out).imported.deployments).toBe(56);
    expect((await cli(['import', deploys, '--into', file, '--day-order', 'ymd'])).err).toContain('--day-order must be auto, dmy');
  });

  it('import says when a replaced history leaves fewer status changes than before', async () => {
    const items = tmp.path('fewer-items.csv');
    writeFileSync(items, 'key,title,type,team,status,created_at\nT-1,One,story,alpha,Done,2026-01-01\n');
    const history = tmp.path('fewer-history.csv');
    writeFileSync(history, 'item,from_status,to_status,at\nT-1,,To Do,2026-01-01\nT-1,To Do,In Progress,2026-01-02\nT-1,In Progress,Done,2026-01-03\n');
    const file = tmp.path('fewer.interlock');
    expect((await cli(['import', items, history, '--into', file])).code).toBe(0);
    const shorter = tmp.path('fewer-shorter.csv');
    writeFileSync(shorter, 'item,from_status,to_status,at\nT-1,,Done,2026-01-03\n');
    const again = await cli(['import', shorter, '--into', file]);
    expect(again.out).toContain('(nothing new; 2 transitions fewer)');
  });

  it('metrics on a workspace with teams and no dated data says there is nothing to measure, not 0 items a week', async () => {
    const teams = tmp.path('only-teams.csv');
    writeFileSync(teams, 'key,name\nalpha,Alpha\n');
    const file = tmp.path('only-teams.interlock');
    expect((await cli(['import', teams, '--into', file])).code).toBe(0);
    const shown = await cli(['metrics', '--workspace', file]);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain('holds no delivery data yet');
    expect(shown.out).not.toMatch(/items\/week|full weeks/);
  });

  it('metrics --to alone moves the default window to end there, keeping its length', async () => {
    const file = tmp.path('to.interlock');
    await cli(['demo', file, '--items', '300']);
    const shown = await cli(['metrics', '--workspace', file, '--to', '2026-01-01']);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/Window\s+2025-10-03 – 2026-01-01 \(91 days\)/);
  });

  it('values the backend refuses are wrong usage, said in the options’ names (exit 2), never the contract’s field names', async () => {
    const file = tmp.path('values.interlock');
    await cli(['demo', file, '--items', '300']);
    const cases: [string[], string][] = [
      [['metrics', '--workspace', file, '--from', '2026-13-45'], '--from must be a real date like 2026-08-17, got "2026-13-45"'],
      [['metrics', '--workspace', file, '--from', '2026-10-01', '--to', '2026-09-01'], '--to: the window ends before it starts'],
      [['forecast', '--workspace', file, '--how-many', '--by', '2026-02-30'], '--by must be a real date'],
      [['forecast', '--workspace', file, '--when', '5', '--trials', '0'], '--trials'],
      [['demo', tmp.path('few.interlock'), '--items', '3'], '--items: at least 50 items'],
      [['anonymise', file, '--out', tmp.path('far.interlock'), '--shift-days', '100000000'], '--shift-days must be at most 36500, not the number 100000000.'],
      // A negative number after an option is its value, checked like any other (Node's parseArgs
      // would have called it "ambiguous" and never reached the check).
      [['demo', tmp.path('negative.interlock'), '--items', '-5'], '--items: at least 50 items'],
      [['forecast', '--workspace', file, '--when', '-3'], '--when: at least 1 item'],
      [['forecast', '--workspace', file, '--when', '5', '--seed', '-1'], '--seed: a seed is at least 0'],
    ];
    for (const [args, says] of cases) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err, args.join(' ')).toContain(says);
      expect(run.err, args.join(' ')).not.toMatch(/Invalid input for|window\.to|shiftDays|windowDays|ambiguous/);
    }
  });

  describe('edge cases: one line, non-zero exit, no stack trace', () => {
    it('a file that is not a workspace', async () => {
      const result = await cli(['info', 'package.json']);
      expect(result.code).toBe(1);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toContain('not an Interlock workspace');
    });

    it('a demo over an existing file without --force', async () => {
      const file = tmp.path('twice.interlock');
      await cli(['demo', file, '--items', '50']);
      const again = await cli(['demo', file, '--items', '50']);
      expect(again.code).toBe(1);
      expect(again.err).toContain('already exists. Choose another name, or add --force to replace it.');
    });

    it('wrong usage exits 2 and shows the usage', async () => {
      expect((await cli(['demo'])).code).toBe(2);
      const bad = await cli(['demo', tmp.path('x.interlock'), '--items', 'lots']);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('--items must be a whole number');
      expect((await cli(['frobnicate'])).code).toBe(2);
      expect((await cli(['info', 'a', '--bogus'])).code).toBe(2);
    });

    it('help for a command there is not: says it is unknown, lists the commands, exits 2 as the command itself does', async () => {
      const asked = await cli(['help', 'nosuch']);
      expect(asked.code).toBe(2);
      expect(asked.err).toBe('interlock help: unknown command "nosuch".');
      expect(asked.out).toContain('  plan board|list|conflicts');
      expect(asked.out).toContain('  unseal FILE.sealed');
      expect((await cli(['nosuch'])).code).toBe(2);
      // Help itself is still no failure.
      expect((await cli(['help'])).code).toBe(0);
    });

    it('a reader that stops early (`info W | head -3`) ends the command quietly, without an EPIPE stack', async () => {
      const file = tmp.path('piped.interlock');
      await cli(['demo', file, '--items', '50']);
      const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'info', file], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      // The reader is gone before the command writes its first line, as `head` is after three.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(stderr).not.toContain('EPIPE');
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(code).toBe(0);
    });

    it('under `npm run cli`, a relative path means the folder it was run from, not the project root', async () => {
      const env = { ...process.env, npm_lifecycle_event: 'cli', INIT_CWD: tmp.dir };
      const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'demo', 'relative.interlock', '--items', '50'], { cwd: PROJECT_ROOT, env, stdio: 'ignore' });
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
      expect(existsSync(tmp.path('relative.interlock'))).toBe(true);
      expect(existsSync(join(PROJECT_ROOT, 'relative.interlock'))).toBe(false);
    });

  });
});
