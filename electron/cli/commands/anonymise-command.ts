import type { CliCommand } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, openToRead, parseCliArgs } from '../cli-support';

function parseShiftDays(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^[+-]?\d+$/.test(value)) throw new UsageError(`--shift-days must be a whole number of days (negative: earlier), got "${value}"`);
  return Number(value);
}

export const anonymiseCommand: CliCommand = {
  name: 'anonymise',
  usage: 'anonymise FILE --out FILE2 [--shift-days N] [--name NAME] [--force]',
  summary: 'Write an anonymised copy: names replaced by pseudonyms, free text dropped, dates optionally shifted.',
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, {
      out: { type: 'string' },
      'shift-days': { type: 'string' },
      name: { type: 'string' },
      force: { type: 'boolean', default: false },
    });
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new UsageError('expected exactly one FILE');
    if (!values.out) throw new UsageError('--out FILE2 is required (the copy is never made in place)');
    const shiftDays = parseShiftDays(values['shift-days']);
    // Only read: a client's file of an older schema is copied from one upgraded in memory, and stays as it is.
    await openToRead(backend, path, io);
    const copy = await callOrThrow(backend, 'workspace.anonymise', { path: values.out, shiftDays, name: values.name, replace: values.force }, { shiftDays: '--shift-days', name: '--name', path: '--out', replace: '--force' });
    const shift = copy.shiftDays === 0 ? 'dates as they were' : `dates moved ${Math.abs(copy.shiftDays)} days ${copy.shiftDays < 0 ? 'earlier' : 'later'}`;
    io.out(`Wrote an anonymised copy to ${copy.path} ("${copy.name}"): names replaced by pseudonyms, free text dropped, ${shift}.`);
    io.out('The key behind the pseudonyms was not kept: nobody can map the copy back to the original names.');
    return 0;
  },
};
