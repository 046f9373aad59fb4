import { existsSync } from 'node:fs';
import type { CliCommand } from '../cli-command';
import { UsageError } from '../cli-command';
import { backupsKeptSentence } from '../../../shared/domain/backups-kept';
import { callOrThrow, formatBytes, invokedAs, parseCliArgs, parseIntegerOption } from '../cli-support';

const REASON_TEXT = { 'before-migration': 'before an upgrade', 'before-import': 'before an import', 'before-restore': 'before a restore', 'before-replace': 'before it was replaced' } as const;

export const backupsCommand: CliCommand = {
  name: 'backups',
  usage: 'backups FILE [--restore N] [--json]',
  summary: 'List the automatic backups of a workspace (1 = newest), or put backup N back in its place.',
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, { restore: { type: 'string' }, json: { type: 'boolean', default: false } });
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new UsageError('expected exactly one FILE');
    const number = parseIntegerOption(values.restore, 'restore');
    if (number !== undefined) {
      if (number < 1) throw new UsageError('--restore must be 1 or more (1 is the newest backup)');
      const restored = await callOrThrow(backend, 'workspace.backups.restore', { path, number });
      if (values.json) {
        io.out(JSON.stringify(restored, null, 2));
        return 0;
      }
      const takenOf = restored.restored.takenOf === restored.path ? '' : `, taken when it was ${restored.restored.takenOf}`;
      io.out(`Restored ${restored.path} from backup ${number} (${restored.restored.takenAt}, ${REASON_TEXT[restored.restored.reason]}${takenOf}).`);
      if (restored.backupOfPrevious) io.out(`What it held before is kept as a backup too: ${restored.backupOfPrevious}`);
      if (restored.damagedKeptAt) io.out(`The damaged file was moved aside, not deleted: ${restored.damagedKeptAt}`);
      return 0;
    }
    const list = await callOrThrow(backend, 'workspace.backups.list', { path });
    if (values.json) {
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (list.backups.length === 0) {
      // Nothing there and nothing kept of it: most likely a mistyped path, which is a failure to say.
      if (!existsSync(list.workspace)) throw new Error(`There is no file at ${list.workspace}, and Interlock kept no backups of a workspace there.`);
      io.out(`No backups of ${list.workspace} yet. ${backupsKeptSentence(list)} They are kept in ${list.folder}.`);
      return 0;
    }
    io.out(`Backups of ${list.workspace} (newest first; kept in ${list.folder}):`);
    for (const b of list.backups) {
      io.out(`  ${String(b.number).padStart(2)}  ${b.takenAt.replace('T', ' ').slice(0, 19)} UTC  ${REASON_TEXT[b.reason].padEnd(17)}  ${formatBytes(b.bytes).padStart(9)}  ${b.name ?? ''}`);
      // After a rename or a move: the backups the workspace had under its earlier path.
      if (b.takenOf !== list.workspace) io.out(`      taken when it was ${b.takenOf}`);
    }
    io.out(`Restore one with: ${invokedAs(io)} backups "${list.workspace}" --restore N`);
    return 0;
  },
};
