import type { CliCommand } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, parseCliArgs, parseIntegerOption } from '../cli-support';

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo FILE [--items N] [--seed S] [--force]',
  summary: 'Write the deterministic demo workspace to FILE (--force replaces an existing file).',
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, {
      items: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
    });
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new UsageError('expected exactly one FILE');
    const started = performance.now();
    const summary = await callOrThrow(backend, 'workspace.createDemo', {
      path,
      items: parseIntegerOption(values.items, 'items'),
      seed: parseIntegerOption(values.seed, 'seed'),
      overwrite: values.force,
    }, { items: '--items', seed: '--seed', overwrite: '--force' });
    const overview = await callOrThrow(backend, 'workspace.overview', {});
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(`Wrote ${summary.path}: ${overview.counts.items} items, ${overview.counts.dependencies} dependencies, ${overview.counts.teams} teams (${seconds} s).`);
    return 0;
  },
};
