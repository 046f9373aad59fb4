import { closeSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { REPORT_SECTION_IDS } from '../../../shared/report/report-sections';
import type { Backend } from '../../backend/backend';
import { PRIVATE_FILE_MODE, removeStaleTemporaries, temporarySibling } from '../../backend/store/workspace-file';
import type { CliCommand } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, openToRead, formatBytes, parseCliArgs } from '../cli-support';

/**
 * Writes the file whole or not at all: a hidden temporary sibling renamed over the target. One a
 * killed run left beside it is removed once an hour old, as beside a workspace.
 */
function writeWhole(path: string, text: string): void {
  removeStaleTemporaries(dirname(path), basename(path));
  const temporary = temporarySibling(path);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', flush: true, mode: PRIVATE_FILE_MODE });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'you may not write in that folder' : code === 'ENOSPC' ? 'the disk is full' : code === 'EROFS' ? 'that folder is read-only' : `${code ?? 'error'}`;
    throw new Error(`${path} could not be written (${why}); nothing was written.`);
  }
}

/** Where the report goes: an .html file in a folder that exists, replaced only with --force. */
function checkTarget(out: string, force: boolean): void {
  const folder = dirname(out);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${folder} is not a folder that exists; create it or choose another for --out.`);
  const existing = statSync(out, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new Error(`${out} is a folder; name the file to write.`);
  if (existing && isDatabase(out)) throw new Error(`${out} is a SQLite database (a workspace named .html?), not a report: it is never replaced. Choose another name for --out.`);
  if (existing && !force) throw new Error(`${out} already exists; add --force to replace it.`);
}

/** Whether a file starts as every SQLite database does; a report never does. */
function isDatabase(path: string): boolean {
  const head = Buffer.alloc(16);
  let read = 0;
  const fd = openSync(path, 'r');
  try {
    read = readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return read === 16 && head.toString('latin1') === 'SQLite format 3\u0000';
}

/** The id of the saved deck of that name (a workspace holds one deck per name). */
async function deckNamed(backend: Backend, name: string, workspace: string): Promise<number> {
  const decks = await callOrThrow(backend, 'deck.list', {});
  const found = decks.find((d) => d.name === name);
  if (found) return found.id;
  const saved = decks.length === 0 ? 'it has no saved deck' : `its decks are ${decks.map((d) => `"${d.name}"`).join(', ')}`;
  throw new Error(`${workspace} has no deck named "${name}"; ${saved}.`);
}

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'report --workspace FILE --out FILE.html [--increment NAME] [--section ID]… | [--deck NAME] [--force]',
  summary: 'Write the report to hand out: one self-contained HTML file (advice, findings, flow, objectives, risks, votes).',
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, {
      workspace: { type: 'string' },
      out: { type: 'string' },
      increment: { type: 'string' },
      section: { type: 'string', multiple: true },
      deck: { type: 'string' },
      force: { type: 'boolean', default: false },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}`);
    if (!values.workspace) throw new UsageError('--workspace FILE is required');
    if (!values.out) throw new UsageError('--out FILE.html is required');
    if (!['.html', '.htm'].includes(extname(values.out).toLowerCase())) throw new UsageError(`--out must name an .html file, got "${values.out}"`);
    const unknown = (values.section ?? []).filter((s) => !REPORT_SECTION_IDS.includes(s));
    if (unknown.length > 0) throw new UsageError(`unknown section ${unknown.join(', ')}; the sections are ${REPORT_SECTION_IDS.join(', ')}`);
    if (values.deck !== undefined && values.section) throw new UsageError('--deck and --section each choose the sections: give one of them');
    if (values.deck !== undefined && values.deck.trim() === '') throw new UsageError('--deck needs the name of a saved deck');
    const out = resolve(values.out);
    checkTarget(out, values.force);
    await openToRead(backend, values.workspace, io);
    const deckId = values.deck === undefined ? undefined : await deckNamed(backend, values.deck.trim(), values.workspace);
    const report = await callOrThrow(backend, 'report.export', { increment: values.increment, sections: values.section, deckId });
    writeWhole(out, report.html);
    io.out(`Wrote ${out}: ${report.sections.length} sections (${report.sections.map((s) => s.title).join(', ')}), ${formatBytes(Buffer.byteLength(report.html))}.`);
    return 0;
  },
};
