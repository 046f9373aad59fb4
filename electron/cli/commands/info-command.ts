import { ENTITY_NAMES } from '../../../shared/domain/entity-names';
import type { CliCommand } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, formatBytes, parseCliArgs } from '../cli-support';

export const infoCommand: CliCommand = {
  name: 'info',
  usage: 'info FILE [--json]',
  summary: 'Print the schema version and row counts of a workspace.',
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false } });
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new UsageError('expected exactly one FILE');
    // Looking changes nothing: not the file's bytes, not its schema (an older one is read through a
    // copy upgraded in memory).
    const opened = await callOrThrow(backend, 'workspace.open', { path, lookOnly: true });
    const o = await callOrThrow(backend, 'workspace.overview', {});
    const fileVersion = opened.fileSchemaVersion ?? o.schemaVersion;
    if (values.json) {
      io.out(JSON.stringify({ ...o, schemaVersion: fileVersion }, null, 2));
      return 0;
    }
    const width = Math.max(...Object.keys(o.tables).map((t) => t.length));
    io.out(`Workspace  ${o.name}`);
    io.out(`File       ${o.path} (${formatBytes(o.fileBytes)})`);
    io.out(`Schema     version ${fileVersion}${fileVersion < o.schemaVersion ? ` (this Interlock upgrades it to ${o.schemaVersion} when it opens it to work in it, keeping a backup; this look did not)` : ''}`);
    io.out(`Data       ${o.dateRange ? `${o.dateRange.from.slice(0, 10)} to ${o.dateRange.to.slice(0, 10)}` : 'none yet'}`);
    io.out(`Entities   ${ENTITY_NAMES.map((e) => `${o.counts[e]} ${e}`).join(', ')}`);
    io.out('Rows per table');
    for (const [table, rows] of Object.entries(o.tables)) io.out(`  ${table.padEnd(width)}  ${String(rows).padStart(9)}`);
    return 0;
  },
};
