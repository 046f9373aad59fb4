import type { CliCommand } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, openToRead, parseCliArgs } from '../cli-support';

// The app's Save As for the command line: a copy of a workspace made through SQLite's backup API,
// never a byte copy (`cp` of a file another program is writing can catch it half-written).
export const copyCommand: CliCommand = {
  name: 'copy',
  usage: 'copy FILE --out FILE2 [--name NAME] [--force]',
  summary: "Copy a workspace through SQLite's backup API (the app's Save As): a whole, checked copy, with backups of its own.",
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, {
      out: { type: 'string' },
      name: { type: 'string' },
      force: { type: 'boolean', default: false },
    });
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new UsageError('expected exactly one FILE');
    if (!values.out) throw new UsageError('--out FILE2 is required');
    // Only read: a file of an older schema is copied from one upgraded in memory, and stays as it is.
    await openToRead(backend, path, io);
    await callOrThrow(backend, 'workspace.saveAs', { path: values.out, switchTo: false, replace: values.force, name: values.name }, { path: '--out', replace: '--force', name: '--name' });
    const copy = await callOrThrow(backend, 'workspace.inspect', { path: values.out });
    io.out(`Copied ${path} to ${copy.path}${copy.name === null ? '' : ` ("${copy.name}")`}; the copy has backups of its own.`);
    return 0;
  },
};
