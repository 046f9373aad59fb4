import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import type { z } from 'zod';
import type { ImportFileReport, ImportJobStatus, ImportReport, ImportStartInput } from '../../../shared/contract/import-channels';
import { AppError } from '../../../shared/contract/result';
import type { EntityCounts } from '../../../shared/domain/entities';
import { fromEpochMs } from '../../../shared/domain/time';
import { CsvFileMapping } from '../../../shared/import/csv-file-mapping';
import { doneDateSource, type DoneDateSource } from '../../../shared/import/done-date-sources';
import { csvFormatFor, describeDetection, detectCsvFormat, detectJsonFormat, type Detection } from '../../../shared/import/format-detection';
import { mapInterlockBundle } from '../../../shared/import/formats/interlock-bundle';
import { mapJiraJson } from '../../../shared/import/formats/jira-json';
import { jiraImportBooks, type JiraImportBooks } from '../../../shared/import/formats/jira-import-books';
import { warnParentMissing } from '../../../shared/import/formats/jira-parent-book';
import type { JsonMapperContext } from '../../../shared/import/formats/json-format';
import { writeOrder } from '../../../shared/import/format-names';
import { IssueLog, SourceError } from '../../../shared/import/import-issues';
import { jsonErrorPlace } from '../../../shared/import/json-error-place';
import { PreviewCollector, subtractCounts, teeSink } from '../../../shared/import/preview-collector';
import { RecordChecker } from '../../../shared/import/record-checker';
import { mayNotBeOwnFormSql } from '../../../shared/import/look-alike';
import { dayOrderProof, isAmbiguousNumericDate, type DayOrder } from '../../../shared/import/source-dates';
import { StatusBook } from '../../../shared/import/status-rules';
import { lastImportOfContent, recordImport } from '../store/queries/import-log';
import { countEntities } from '../store/queries/overview';
import { PortfolioWriter } from '../store/queries/portfolio-writes';
import { readStatusMap, reapplyStatusCategories, refreshFlowDates, storedDoneDates, storeFlowDates, storeStatusEntries } from '../store/queries/status-map';
import { optimizeInTransaction, refuseIfReadOnly, type Workspace } from '../store/workspace-file';
import { translateWriteError } from '../store/sqlite-errors';
import { bareLineFeedJoin, newlinesIn, parseHead, sniffDialect, streamCsv, type CsvDialect } from './csv-reading';
import { Utf8Watch, type EncodingFacts } from './text-encoding';
import { lineAtByte, readTextHead, readWholeText, type ReadProgress } from './text-reading';
import { StagedRecords } from './staged-records';
import { planDates } from '../planning/plan-queries';
import { coordinationGroups } from '../risks/room-scopes';
import { storeSnapshotAfterImport, type WrittenItems, type WrittenTransitions } from '../metrics/metrics-dataset-loader';
import { collectGarbage } from './garbage-collection';

type StartInput = z.output<typeof ImportStartInput>;

/** Page cache during an import, in KiB (negative = KiB for SQLite): 256 MB. */
const IMPORT_CACHE_KIB = -262_144;
/**
 * Page cache during an import into a workspace without items or status changes: 8 MB. Nearly all its pages
 * are new, past the end of the file, so SQLite writes them out mid-way without journalling or
 * syncing anything; what the inserts come back to (the right edge of each table and index, the
 * items' key index, about 4 MB at 100,000 items) fits, and a bigger cache only held more of the file
 * in memory (32 MB: the same time at M, 20 MB more peak memory).
 */
const FRESH_IMPORT_CACHE_KIB = -8_192;

/**
 * Staged records (items and status changes) from which the import collects the garbage before its
 * write and before the metrics snapshot. Below, the dead records are a few tens of MB at most and each collection a larger
 * share of a short import (the bench's S, 110,000 records in about a second, stays below).
 */
const COLLECT_AFTER_RECORDS = 500_000;

/** The largest JSON document read whole (V8 strings stop near 512 MB; Jira pages are far smaller). */
const MAX_JSON_BYTES = 256 * 1024 ** 2;

export interface ImportSource {
  path: string;
  /** Unlike any other file's of the import (`distinctFileNames`): every message and count names it. */
  name: string;
  /** Its position in `import.start`'s files. */
  input: number;
  format: StartInput['files'][number]['format'];
  columns: Record<string, string | null>;
}

interface PreparedFile {
  source: ImportSource;
  bytes: number;
  kind: 'csv' | 'json' | 'empty' | 'unreadable';
  facts: EncodingFacts | null;
  dialect: CsvDialect | null;
  headers: string[];
  sample: string[][];
  detection: Detection;
}

const total = (c: EntityCounts) => Object.values(c).reduce((a, b) => a + b, 0);

/** What an import that stopped before its commit did not do, in the words of its refusals. */
const NOTHING_IMPORTED = 'nothing was imported';

/**
 * A failed import said as a person can act on it: a refusal as it is, a read-only workspace or a
 * full disk in the words of every write (`translateWriteError`), anything else plainly, never thrown.
 */
function importError(error: unknown, path: string): { code: AppError['code']; message: string } {
  const translated = translateWriteError(error, path, NOTHING_IMPORTED);
  if (translated instanceof AppError) return { code: translated.code, message: translated.message };
  return { code: 'internal', message: `The import failed and nothing was written: ${error instanceof Error ? error.message : String(error)}` };
}

function encodingLabel(facts: EncodingFacts | null): string {
  if (!facts) return 'unknown';
  return `${facts.encoding.toUpperCase()}${facts.bomBytes ? ' with BOM' : ''}`;
}

/**
 * One preview or import of one or more files. Reading runs asynchronously: the CSV stream yields
 * to the event loop at each read of 1 MB, so `status()` (polled by the UI and the CLI)
 * answers while it works, and a cancel takes effect at the next chunk. Nothing is written while
 * reading: an import stages its checked records and writes them at the end in one synchronous
 * transaction, so no other call can interleave with it and an error, a cancel or a killed process
 * leaves the workspace exactly as it was.
 */
export class ImportJob {
  readonly id = randomBytes(8).toString('hex');
  state: ImportJobStatus['state'] = 'running';
  phase: ImportJobStatus['phase'] = 'starting';
  file: string | null = null;
  rows = 0;
  readonly progress: ReadProgress = { bytesRead: 0 };
  totalBytes = 0;
  report: ImportReport | null = null;
  error: { code: string; message: string } | null = null;
  readonly finishedAt: { ms: number | null } = { ms: null };
  #cancelled = false;

  constructor(
    readonly workspace: Workspace,
    readonly mode: StartInput['mode'],
    readonly sources: readonly ImportSource[],
    readonly options: StartInput['options'],
    readonly nowMs: () => number = Date.now,
    /** Runs once the records are checked and about to be written (the automatic backup). */
    readonly beforeWrite: () => Promise<void> = async () => undefined,
  ) {}

  /** Marks the job failed after an error `run` did not expect (a bug): said plainly, never thrown. */
  fail(error: unknown): void {
    this.state = 'failed';
    this.phase = 'finished';
    this.finishedAt.ms = Date.now();
    this.error = importError(error, this.workspace.path);
  }

  cancel(): boolean {
    if (this.state !== 'running') return false;
    this.#cancelled = true;
    return true;
  }

  status(): ImportJobStatus {
    const percent = this.state === 'done' ? 100 : this.totalBytes > 0 ? Math.min(99, (100 * this.progress.bytesRead) / this.totalBytes) : 0;
    return {
      jobId: this.id,
      mode: this.mode,
      state: this.state,
      phase: this.phase,
      file: this.file,
      rows: this.rows,
      bytesRead: this.progress.bytesRead,
      totalBytes: this.totalBytes,
      percent: Math.round(percent * 10) / 10,
      report: this.report,
      error: this.error,
    };
  }

  #prepare(source: ImportSource, issues: IssueLog): PreparedFile {
    const prepared: PreparedFile = {
      source,
      bytes: 0,
      kind: 'unreadable',
      facts: null,
      dialect: null,
      headers: [],
      sample: [],
      detection: { format: null, entity: null, confident: false, reason: '' },
    };
    try {
      const head = readTextHead(source.path, source.name);
      prepared.bytes = head.bytes;
      prepared.facts = head.facts;
      if (head.text.trim() === '') {
        prepared.kind = 'empty';
        prepared.detection.reason = 'The file is empty.';
        issues.warn(source.name, null, null, null, 'empty-file', `${source.name} is empty: there is nothing to import.`);
        return prepared;
      }
      if (head.facts.guessed) {
        issues.warn(source.name, null, null, null, 'encoding-guessed', `${source.name} is not UTF-8; it was read as Windows-1252 (Excel's CSV on Windows). Check accented names in the preview.`);
      }
      const chosen = source.format === 'auto' ? null : source.format;
      const looksJson = /^\s*[[{]/.test(head.text) || extname(source.name).toLowerCase() === '.json';
      if (chosen === 'jira-json' || (chosen === null && looksJson) || (chosen === 'interlock' && looksJson)) {
        prepared.kind = 'json';
        prepared.detection = { format: chosen, entity: null, confident: chosen !== null, reason: chosen ? 'Chosen by you.' : '' };
        return prepared;
      }
      prepared.kind = 'csv';
      prepared.dialect = sniffDialect(head.text);
      const { headers, sample } = parseHead(head.text, prepared.dialect, head.complete);
      prepared.headers = headers;
      prepared.sample = sample;
      const detected = detectCsvFormat(headers, sample, source.name);
      if (chosen) {
        const entity = chosen === 'interlock' ? (detected.format === 'interlock' ? detected.entity : 'items') : null;
        prepared.detection = { format: chosen, entity, confident: true, reason: 'Chosen by you.' };
      } else prepared.detection = detected;
      if (!prepared.detection.format) {
        throw new SourceError('unknown-format', `${source.name}: ${prepared.detection.reason} Choose the format and map the columns.`);
      }
      if (sample.length === 0 && head.complete) {
        prepared.kind = 'empty';
        issues.warn(source.name, null, null, null, 'empty-file', `${source.name} has a header but no rows: there is nothing to import.`);
      }
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      prepared.kind = 'unreadable';
      issues.error(source.name, error.line, error.column, error.value, error.code, error.message);
    }
    return prepared;
  }

  /**
   * The order of numeric dates each file is read in, and what to say of it when the file is read.
   * Your choice (the Import page's, --day-order) is every file's. Else a file whose first rows prove
   * an order keeps it; one whose rows prove none takes the order the other files of the import prove
   * (an increments file of 01/04/2025 beside an iterations file of 01/18/2025 is month first too),
   * and only when they prove none, or both, the default: month first for Azure DevOps, day first
   * for the rest. A file that proves the order opposite to a file read before it is said.
   */
  #planDayOrders(prepared: readonly PreparedFile[], issues: IssueLog): Map<PreparedFile, { order: DayOrder; tell: (() => void) | null }> {
    const plan = new Map<PreparedFile, { order: DayOrder; tell: (() => void) | null }>();
    const chosen = this.options.dayOrder;
    if (chosen !== 'auto') {
      for (const file of prepared) plan.set(file, { order: chosen, tell: null });
      return plan;
    }
    const proofs = prepared.map((file) => ({ file, proof: dayOrderProof(file.sample.flat()) }));
    const firstProving = (order: DayOrder) => proofs.find((p) => p.proof?.order === order) ?? null;
    const provers = { dmy: firstProving('dmy'), mdy: firstProving('mdy') };
    const words = (order: DayOrder) => (order === 'dmy' ? 'day/month/year' : 'month/day/year');
    const other = (order: DayOrder): DayOrder => (order === 'dmy' ? 'mdy' : 'dmy');
    for (const [at, { file, proof }] of proofs.entries()) {
      const name = file.source.name;
      if (proof) {
        // The first file read before it that proves the other order.
        const opposite = proofs.slice(0, at).find((p) => p.proof?.order === other(proof.order));
        const tell = opposite
          ? () =>
              issues.warn(
                name,
                null,
                null,
                proof.value,
                'date-order-differs',
                `${name} is read as ${words(proof.order)}, the order its own dates prove (${proof.value}), while ${opposite.file.source.name} of this import proves ${words(other(proof.order))} (${opposite.proof!.value}) and is read so: ` +
                  'the two files were written in opposite date orders. Each keeps its own; check that the dates of both are right.',
              )
          : null;
        plan.set(file, { order: proof.order, tell });
        continue;
      }
      const cells = file.sample.flat();
      const ambiguous = cells.find(isAmbiguousNumericDate) ?? null;
      const single = provers.dmy && !provers.mdy ? provers.dmy : provers.mdy && !provers.dmy ? provers.mdy : null;
      // Azure DevOps writes en-US dates unless the exporting user changed their profile.
      const order: DayOrder = single ? single.proof!.order : file.detection.format?.startsWith('ado-') ? 'mdy' : 'dmy';
      const why = single
        ? `, the order ${single.file.source.name} of this import proves (${single.proof!.value})`
        : provers.dmy && provers.mdy
          ? ` (the default for this kind of file): the files of this import prove both orders, ${provers.dmy.file.source.name} day/month/year (${provers.dmy.proof!.value}) and ${provers.mdy.file.source.name} month/day/year (${provers.mdy.proof!.value})`
          : '';
      const tell = ambiguous
        ? () =>
            issues.warn(
              name,
              null,
              null,
              ambiguous,
              'date-order-guessed',
              `Dates like ${ambiguous} were read as ${words(order)}${why}; if that is wrong, choose the other date order (on the Import page, or --day-order ${other(order)}) and preview again.`,
            )
        : null;
      plan.set(file, { order, tell });
    }
    return plan;
  }

  async run(): Promise<void> {
    const { db } = this.workspace;
    const issues = new IssueLog();
    try {
      const prepared = this.sources.map((s) => this.#prepare(s, issues));
      this.totalBytes = prepared.reduce((sum, p) => sum + p.bytes, 0);
      prepared.sort((a, b) => writeOrder(a.detection.format ?? 'jira-csv', a.detection.entity) - writeOrder(b.detection.format ?? 'jira-csv', b.detection.entity));

      const statuses = new StatusBook(readStatusMap(db));
      const hasItem = db.prepare('SELECT 1 FROM work_items WHERE key = ?').pluck();
      const hasItems = db.prepare('SELECT EXISTS (SELECT 1 FROM work_items)').pluck();
      const hasDependency = db.prepare('SELECT 1 FROM dependencies WHERE key = ?').pluck();
      const teams = db.prepare('SELECT key, name FROM teams').all() as { key: string; name: string }[];
      const collector = new PreviewCollector();
      // A preview stages the items and their status changes too (20 bytes a change), for the checks
      // made once every file is read (their histories, their parents): its warnings are the import's.
      const staged = new StagedRecords();
      const checker = new RecordChecker(
        {
          issues,
          statuses,
          nowMs: this.nowMs(),
          workspaceHasItem: (key) => hasItem.get(key) !== undefined,
          workspaceItemKeys: () => db.prepare('SELECT key FROM work_items').pluck().all() as string[],
          // A scan of the keys' index in SQLite; most workspaces' keys (PAY-12) are their own look-alike form, and none come back.
          workspaceOddItemKeys: () => (hasItems.get() === 1 ? (db.prepare(`SELECT key FROM work_items WHERE ${mayNotBeOwnFormSql('key')}`).pluck().all() as string[]) : null),
          workspaceObjectiveKeys: () => new Set(db.prepare('SELECT key FROM objectives').pluck().all() as string[]),
          workspaceHasDependency: (key) => hasDependency.get(key) !== undefined,
          workspaceOddDependencyKeys: () => db.prepare(`SELECT key FROM dependencies WHERE ${mayNotBeOwnFormSql('key')}`).pluck().all() as string[],
          workspaceDoneDate: storedDoneDates(db),
          workspaceHoldsHistories: db.prepare('SELECT EXISTS (SELECT 1 FROM status_transitions)').pluck().get() === 1,
          workspaceTeams: teams,
          workspacePlan: planDates(db),
          // Groups as the advisor forms them before this import (asked only when a risk names a group).
          workspaceGroups: () => new Map(coordinationGroups(db).map((g) => [g.key, g.name])),
          riskGroupKeys: () => new Set(db.prepare("SELECT DISTINCT scope_key FROM risks WHERE scope_kind = 'group'").pluck().all() as string[]),
        },
        this.mode === 'import' ? staged : teeSink(collector, staged.itemsAndHistories()),
      );
      this.phase = 'reading';
      const jira = jiraImportBooks();
      const dayOrders = this.#planDayOrders(prepared, issues);
      const fileReports: (ImportFileReport & { warnings: number; rejected: number })[] = [];
      for (const file of prepared) {
        if (this.#cancelled) break;
        this.file = file.source.name;
        checker.file = file.source.name;
        const countsBefore = { ...checker.counts };
        const warningsBefore = issues.counts.warnings;
        const rejectedBefore = issues.counts.rejectedRows;
        const risksRejectedBefore = issues.rejectedFromList('risks');
        const { rows, hash, mapping } = await this.#readFile(file, { issues, statuses, checker, jira, dayOrder: dayOrders.get(file)! });
        if (hash === null) break; // cancelled
        const counts = subtractCounts(checker.counts, countsBefore);
        const previous = lastImportOfContent(db, hash);
        fileReports.push({
          name: file.source.name,
          input: file.source.input,
          format: file.detection.format,
          entity: file.detection.entity,
          confident: file.detection.confident,
          detection: file.detection.format ? describeDetection(file.detection) : file.detection.reason,
          encoding: encodingLabel(file.facts),
          headers: file.headers,
          mapping,
          rows,
          counts,
          contentHash: hash,
          bytes: file.bytes,
          previouslyImportedAt: previous === null ? null : fromEpochMs(previous),
          warnings: issues.counts.warnings - warningsBefore,
          rejected: issues.counts.rejectedRows - rejectedBefore,
        });
        // A register with a risk silently left out would mislead the room: its bad rows stop the
        // import, from a risks CSV or from a bundle's list of risks.
        const rejected = file.detection.entity === 'risks' ? issues.counts.rejectedRows - rejectedBefore : issues.rejectedFromList('risks') - risksRejectedBefore;
        if (rejected > 0) {
          issues.stoppedFile(
            file.source.name,
            null,
            null,
            null,
            'risks-incomplete',
            file.detection.entity === 'risks'
              ? `${file.source.name}: ${rejected === 1 ? '1 risk is' : `${rejected} risks are`} rejected (see the lines listed); a risks file is imported whole or not at all, so fix ${rejected === 1 ? 'it' : 'them'} and import it again.`
              : `${file.source.name}: ${rejected === 1 ? '1 risk is' : `${rejected} risks are`} rejected (see the risks listed); a file's risks are imported whole or not at all, so fix ${rejected === 1 ? 'it' : 'them'} and import the file again.`,
          );
        }
      }
      const reportOf = new Map(fileReports.map((f) => [f.name, f]));
      // Jira CSV items whose parent id is in no file of this import: told in the file that listed them.
      for (const { item, parentId, file } of this.#cancelled ? [] : jira.parents.unresolved()) {
        const warningsBefore = issues.counts.warnings;
        warnParentMissing(issues, file, item, parentId, 'any file of this import');
        const report = reportOf.get(file);
        if (report) report.warnings += issues.counts.warnings - warningsBefore;
      }
      // Jira searches whose pages in this import hold fewer issues than they found: told in the file of the first page read.
      if (!this.#cancelled) {
        jira.searches.warnPartial(issues, (file) => {
          const report = reportOf.get(file);
          if (report) report.warnings++;
        });
      }
      // Jira links (JSON or CSV) whose other end is in no file of this import: each counted, and any warning
      // about it told, in the file that listed it.
      for (const { record, file } of this.#cancelled ? [] : jira.links.unpaired()) {
        const report = reportOf.get(file);
        const dependenciesBefore = checker.counts.dependencies;
        const warningsBefore = issues.counts.warnings;
        checker.file = file;
        checker.dependency(record);
        if (!report) continue;
        report.counts.dependencies += checker.counts.dependencies - dependenciesBefore;
        report.warnings += issues.counts.warnings - warningsBefore;
      }
      // Objectives and planning rows are judged now that every file is read, each counted in its own
      // file (a bundle's plan row may name an iteration a template read after it declares), and the
      // plan they leave is checked whole.
      if (!this.#cancelled) {
        const json = new Set(prepared.filter((p) => p.kind === 'json').map((p) => p.source.name));
        checker.finishReading((file, judge) => {
          const report = reportOf.get(file);
          const [counts, warnings, rejected] = [{ ...checker.counts }, issues.counts.warnings, issues.counts.rejectedRows];
          judge();
          if (!report) return;
          const added = subtractCounts(checker.counts, counts);
          for (const k of Object.keys(added) as (keyof EntityCounts)[]) report.counts[k] += added[k];
          // A bundle's rows are the records it holds (#readFile).
          if (json.has(file)) report.rows += total(added);
          report.warnings += issues.counts.warnings - warnings;
          report.rejected += issues.counts.rejectedRows - rejected;
        });
      }
      // Items whose row and status history disagree, items' parents and objectives: told in the file of the row.
      if (!this.#cancelled) {
        const warnedIn = (file: string) => {
          const report = reportOf.get(file);
          if (report) report.warnings++;
        };
        staged.checkHistories(
          (s) => statuses.categoryOf(s),
          (file, line, column, value, code, message) => {
            issues.warn(file, line, column, value, code, message);
            warnedIn(file);
          },
        );
        // Done items that nothing dates, once per item: a history in any file of the import dates them.
        const jsonFiles = new Set(prepared.filter((p) => p.kind === 'json').map((p) => p.source.name));
        const doneSources = new Map<string, DoneDateSource & { json: boolean }>();
        checker.checkDoneDates(
          staged.items,
          (key) => staged.historyDecides(key),
          (file) => {
            let source = doneSources.get(file);
            if (source === undefined) {
              const report = reportOf.get(file);
              const json = jsonFiles.has(file);
              source = { ...doneDateSource(report?.format ?? null, report?.mapping ?? [], report?.headers ?? [], json), json };
              doneSources.set(file, source);
            }
            return source;
          },
          warnedIn,
        );
        checker.checkParents(staged.items, warnedIn);
        checker.checkObjectiveLinks(staged.items, warnedIn);
        checker.checkRiskLinks(warnedIn);
      }
      this.phase = 'finishing';
      this.file = null;
      // One turn of the event loop, so that a poller sees "finishing" before the write blocks it.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#cancelled) {
        this.state = 'cancelled';
        return;
      }
      let committed = false;
      let added: EntityCounts | null = null;
      if (this.mode === 'import' && issues.fileErrors === 0 && total(checker.counts) > 0) {
        // Before the backup: a write that cannot happen takes none (each took one, and five refused
        // imports pushed every earlier restore point out).
        refuseIfReadOnly(this.workspace, NOTHING_IMPORTED);
        await this.beforeWrite();
        if (this.#cancelled) {
          this.state = 'cancelled';
          return;
        }
        if (!db.open) throw new AppError('import-rejected', 'The workspace was closed during the import; nothing was imported.');
        added = this.#write(staged, statuses, fileReports);
        committed = true;
      }
      // What refuses the whole import, in a preview too: the preview's promise is the import's.
      const refusals = issues.fileErrorMessages;
      const refusal = refusals.length > 0 ? refusals.join(' ') : total(checker.counts) === 0 ? 'the files hold no records Interlock could read.' : null;
      this.report = {
        mode: this.mode,
        committed,
        refusal,
        refusals,
        files: fileReports.map(({ warnings: _w, rejected: _r, ...f }) => f),
        counts: { ...checker.counts },
        added,
        rejectedRows: issues.counts.rejectedRows,
        errors: issues.counts.errors,
        warnings: issues.counts.warnings,
        issueCounts: { ...issues.counts.byCode },
        issues: issues.issues,
        preview: collector.preview(statuses),
        statuses: statuses.used(),
        createdTeams: [...checker.createdTeams].sort(),
      };
      if (this.mode === 'import' && !committed) {
        // Every file error, those found at a line (a runaway row) too: the reason is never blank.
        this.error = { code: 'import-rejected', message: `Nothing was imported: ${refusal ?? 'the files hold no records Interlock could read.'}` };
        this.state = 'failed';
      } else this.state = 'done';
    } catch (error) {
      this.state = 'failed';
      if (!db.open) this.error = { code: 'import-rejected', message: 'The workspace was closed during the import; nothing was imported.' };
      else this.error = importError(error, this.workspace.path);
    } finally {
      this.phase = 'finished';
      this.finishedAt.ms = Date.now();
    }
  }

  /**
   * Writes the staged records, the status map, the flow dates and the import log in one
   * synchronous transaction: no other call can run in between, and an error rolls it all back.
   * Returns the net change of the workspace's rows.
   */
  #write(staged: StagedRecords, statuses: StatusBook, fileReports: readonly (ImportFileReport & { warnings: number; rejected: number })[]): EntityCounts {
    const { db } = this.workspace;
    const big = staged.items.length + staged.transitions >= COLLECT_AFTER_RECORDS;
    // What reading left behind (rows, chunks, parsed values) goes before the write allocates.
    if (big) collectGarbage();
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    // Into a workspace with data, a big import's pages stay in memory until the commit instead of
    // spilling mid-way, which would journal and sync them (~30 % faster).
    const empty = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM work_items) AND NOT EXISTS (SELECT 1 FROM status_transitions)').pluck().get() === 1;
    db.pragma(`cache_size = ${empty ? FRESH_IMPORT_CACHE_KIB : IMPORT_CACHE_KIB}`);
    try {
      const { counts, written, writtenItems } = db.transaction((): { counts: EntityCounts; written: (() => WrittenTransitions | null) | null; writtenItems: WrittenItems | null } => {
        const before = countEntities(db);
        const writer = new PortfolioWriter(db, (s) => statuses.categoryOf(s));
        // A history is the truth about when its item started and finished: items of the import are
        // written with the dates their history implies, the workspace's items updated after.
        // Into a workspace without status changes, those this import writes are all the table holds:
        // the metrics snapshot takes them from memory instead of reading them back.
        const fresh = before.transitions === 0;
        const writes = staged.writeTo(writer, this.nowMs(), { recordWritten: fresh });
        const { historyItems, outsideFlowDates, itemsWithoutHistory } = writes;
        storeFlowDates(db, outsideFlowDates);
        // Items that came without a history but have one stored keep the dates that history implies,
        // not the file's columns (a workspace without histories has nothing to look up).
        if (before.transitions > 0 && itemsWithoutHistory.length > 0) refreshFlowDates(db, itemsWithoutHistory);
        storeStatusEntries(db, statuses.changed());
        const stale = statuses.staleAfterUse();
        if (stale.length > 0) {
          reapplyStatusCategories(db, stale);
          refreshFlowDates(db, historyItems);
        }
        const written = stale.length === 0 ? writes.written : null;
        // Last, so that they see every done date this import settled: the writer wrote them with
        // the dates it held, which the flow dates stored or refreshed above may have changed since.
        const doneDatesChanged = outsideFlowDates.length > 0 || (before.transitions > 0 && itemsWithoutHistory.length > 0) || stale.length > 0;
        writer.resolveDependenciesWhenDone(doneDatesChanged);
        const importedAt = this.nowMs();
        for (const f of fileReports) {
          if (f.format === null || total(f.counts) === 0) continue;
          recordImport(db, {
            fileName: f.name,
            contentHash: f.contentHash,
            format: f.entity ? `${f.format}:${f.entity}` : f.format,
            importedAt,
            counts: f.counts,
            warnings: f.warnings,
            rejected: f.rejected,
          });
        }
        // The items as the writer left them, unless a date or category was changed after it.
        const writtenItems = doneDatesChanged ? null : writes.writtenItems;
        const counts = subtractCounts(countEntities(db), before);
        // The planner's statistics for what was just written, committed with it.
        optimizeInTransaction(db);
        return { counts, written, writtenItems };
      })();
      staged.discard();
      // The written status changes (13 bytes a change), taken before the collection below: they drain
      // the staged columns (20 bytes a change) as they fill, and that collection frees what they drained.
      const transitions = written?.() ?? null;
      // A big import's records (about 70 MB at 100,000 items and a million changes) are garbage now,
      // and the snapshot is about to allocate tens of MB: collected first, the heap holds one or the
      // other, not both (at M, with the other changes to staging: peak ~420 → ~290 MB; 50–75 ms each).
      if (big) collectGarbage();
      storeSnapshotAfterImport(db, transitions, writtenItems);
      return counts;
    } finally {
      if (db.open) db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  /**
   * Reads and parses a JSON file: its value (undefined when it is not valid JSON, logged), or null
   * when cancelled. The text is dropped here, before the mapping (a 40 MB page is 40 MB more otherwise).
   */
  async #readJson(path: string, facts: EncodingFacts, name: string, issues: IssueLog): Promise<{ value: unknown; hash: string } | null> {
    const utf8 = new Utf8Watch();
    const { text, hash } = await readWholeText(path, facts, name, MAX_JSON_BYTES, this.progress, utf8);
    if (this.#cancelled) return null;
    if (utf8.firstInvalidAt !== null) {
      refuseNotUtf8(issues, name, lineAtByte(path, utf8.firstInvalidAt), utf8);
      return { value: undefined, hash };
    }
    try {
      return { value: JSON.parse(text) as unknown, hash };
    } catch (error) {
      const place = jsonErrorPlace(text);
      const where = place && `line ${place.line}, column ${place.column}`;
      if (place) issues.refusedAt(`${name}, ${where}`, name, place.line, `column ${place.column}`, null, 'unreadable-file', `Not valid JSON: ${place.problem}.`);
      else issues.error(name, null, null, null, 'unreadable-file', `${name} is not valid JSON (${(error as Error).message}).`);
      return { value: undefined, hash };
    }
  }

  async #readFile(
    file: PreparedFile,
    ctx: { issues: IssueLog; statuses: StatusBook; checker: RecordChecker; jira: JiraImportBooks; dayOrder: { order: DayOrder; tell: (() => void) | null } },
  ): Promise<{ rows: number; hash: string | null; mapping: ImportFileReport['mapping'] }> {
    const { issues, statuses, checker, jira } = ctx;
    const name = file.source.name;
    const rowsBefore = this.rows;
    if (file.kind === 'empty' || file.kind === 'unreadable' || !file.facts) {
      const { hash } = file.facts && file.kind === 'empty' ? await readWholeText(file.source.path, file.facts, name, MAX_JSON_BYTES, this.progress) : { hash: '' };
      return { rows: 0, hash, mapping: [] };
    }
    const dayOrder = ctx.dayOrder.order;
    ctx.dayOrder.tell?.();
    if (file.kind === 'json') {
      const parsed = await this.#readJson(file.source.path, file.facts, name, issues);
      if (parsed === null) return { rows: 0, hash: null, mapping: [] };
      const { value, hash } = parsed;
      if (value === undefined) return { rows: 0, hash, mapping: [] };
      const detected = file.detection.format ? file.detection : detectJsonFormat(value);
      file.detection = detected.format ? { ...detected, reason: detected.reason || detectJsonFormat(value).reason } : detected;
      const countsBefore = { ...checker.counts };
      const jsonContext: JsonMapperContext = {
        file: name,
        sink: checker,
        issues,
        statuses,
        dayOrder,
        knowsItem: (key) => checker.knowsItem(key),
        teamField: this.options.teamColumn,
        jira,
      };
      try {
        if (detected.format === 'jira-json') mapJiraJson(value, jsonContext);
        else if (detected.format === 'interlock') mapInterlockBundle(value, jsonContext);
        else throw new SourceError('wrong-shape', `${name}: ${detected.reason}`);
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        issues.error(name, error.line, error.column, error.value, error.code, error.message);
      }
      // Its own records: the checker's counts run across all the files of the import.
      this.rows += total(subtractCounts(checker.counts, countsBefore));
      return { rows: this.rows - rowsBefore, hash, mapping: [] };
    }

    const format = csvFormatFor(file.detection.format!, file.detection.entity)!;
    const columns = { ...file.source.columns };
    // The team column is a tracker export's (Interlock's templates name theirs "team"), and one
    // that is named must be there: CsvFileMapping refuses a file without it.
    if (this.options.teamColumn && columns.team === undefined && file.detection.format !== 'interlock') columns.team = this.options.teamColumn;
    let mapping: CsvFileMapping;
    const fields = format.fields(file.headers);
    try {
      mapping = new CsvFileMapping({
        file: name,
        headers: file.headers,
        format,
        columns,
        dayOrder,
        sink: checker,
        issues,
        statuses,
        knowsItem: (key) => checker.knowsItem(key),
        jira,
        delimiter: file.dialect!.delimiter,
      });
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      issues.error(name, null, error.column, error.value, error.code, error.message);
      const planned = fields.map((f) => ({ field: f.field, label: f.label, required: !!f.required, header: null }));
      return { rows: 0, hash: '', mapping: planned };
    }
    const planned = fields.map((f) => ({ field: f.field, label: f.label, required: !!f.required, header: mapping.plan.mapping[f.field] ?? null }));
    let hash: string | null;
    const utf8 = file.facts?.encoding === 'utf-8' ? new Utf8Watch() : undefined;
    let seen = 0;
    try {
      hash = await streamCsv(file.source.path, file.facts, file.dialect!, this.progress, {
        utf8,
        row: (cells, line, problem) => {
          seen++;
          // Rows whose lines end in LF alone in a CRLF file ran together: rejecting the one row they
          // made lost several, said as one and without a word of line endings. Told before the
          // quotes' problems, which such rows make of fully quoted cells at their end.
          const joined = file.dialect!.newline === '\r\n' && cells.length > file.headers.length ? bareLineFeedJoin(cells, file.headers.length) : null;
          if (joined !== null) {
            const from = line + joined;
            throw new SourceError(
              'mixed-line-endings',
              `From line ${from.toLocaleString('en-US')} of ${name} the lines end in LF, not in CRLF as the lines above: the file mixes line endings (rows added by another program?), so rows from there ran together. Save it with one kind of line ending and import it again.`,
              from,
              null,
              cells.join(file.dialect!.delimiter).slice(0, 200),
            );
          }
          if (utf8 !== undefined && utf8.firstInvalidAt !== null) {
            // A byte that is not UTF-8 was read (each 1 MB is checked before it is parsed): the row
            // holding the � it became says where, once.
            const at = replacementCharIn(cells, file.dialect!.newline === '\r' ? '\r' : '\n');
            if (at !== null) {
              const column = file.headers[at.cell] ?? `column ${at.cell + 1}`;
              throw notUtf8Error(name, `Line ${(line + at.lines).toLocaleString('en-US')}, column "${column}"`, line + at.lines, column, utf8);
            }
          }
          if (problem === 'unclosed-quote') {
            // The cell never closed runs to the end of the file: the row's last. Every row after it
            // went into that cell, so importing the rows before it would commit part of the file as
            // if it were all of it (the report said "1 row rejected" for 1,950 rows): the file stops
            // the import, as a record too long to read does.
            const column = file.headers[cells.length - 1] ?? null;
            const which = column === null ? 'A quoted cell' : `The quoted cell in column "${column}"`;
            const eol = file.dialect!.newline === '\r' ? '\r' : '\n';
            const open = cells[cells.length - 1] ?? '';
            const after = newlinesIn(open, eol) - (open.endsWith(eol) ? 1 : 0);
            const rest = after > 1 ? `the ${after.toLocaleString('en-US')} lines after it were read into it` : after === 1 ? 'the line after it was read into it' : 'the file ends inside it';
            issues.refusedAt(
              `${name}, line ${line}`,
              name,
              line,
              column,
              cells.join(file.dialect!.delimiter).slice(0, 200),
              'unclosed-quote',
              `${which} opens on this line and is never closed, so ${rest}; close the quote (") and import again.`,
            );
          } else if (problem === 'malformed-quotes') {
            // The parser keeps the stray quote in the cell it broke: that cell is the place.
            const at = cells.findIndex((c) => c.includes('"'));
            const column = at === -1 ? null : (file.headers[at] ?? `column ${at + 1}`);
            const which = column === null ? 'A quoted cell in this row' : `The quoted cell in column "${column}"`;
            issues.error(name, line, column, at === -1 ? null : cells[at]!.slice(0, 200), 'invalid-value', `${which} has text after its closing quote; write quotes inside a cell as "".`);
          } else mapping.row(cells, line);
        },
        chunkDone: (rows) => {
          this.rows = rowsBefore + rows;
          return this.#cancelled;
        },
      }, file.headers);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      issues.stoppedFile(name, error.line, error.column, error.value, error.code, error.message);
      return { rows: mapping.rows, hash: '', mapping: planned };
    }
    if (hash === null) return { rows: mapping.rows, hash: null, mapping: planned };
    if (utf8 !== undefined && utf8.firstInvalidAt !== null) {
      // Not found in a row's cells (an unfinished character at the very end): its line from the bytes.
      const eol = file.dialect!.newline === '\r' ? '\r' : '\n';
      refuseNotUtf8(issues, name, lineAtByte(file.source.path, utf8.firstInvalidAt, eol), utf8);
      return { rows: mapping.rows, hash: '', mapping: planned };
    }
    mapping.finish();
    this.rows = rowsBefore + mapping.rows;
    // Rows that were there but rejected (a quote that swallowed the rest) are said by their errors.
    if (seen === 0 && file.kind === 'csv') {
      issues.warn(name, null, null, null, 'empty-file', `${name} has a header but no rows: there is nothing to import.`);
    }
    return { rows: mapping.rows, hash, mapping: planned };
  }
}

/**
 * A file read as UTF-8 that holds bytes further on that are not (a Windows-1252 row appended to a
 * UTF-8 export, an Excel CSV whose first accented name comes late): refused, naming where. Each
 * such byte would become �, in titles and names a user may not notice, and the same import of the
 * file saved as UTF-8 would not match it by name later.
 */
function notUtf8Message(name: string, where: string, utf8: Utf8Watch): string {
  return (
    `${where} of ${name} holds a byte that is not UTF-8 (byte ${utf8.firstInvalidAt!.toLocaleString('en-US')}, near "${utf8.context}"), though the file starts as UTF-8: ` +
    'part of it was saved in another encoding, most often Windows-1252 (Excel\'s CSV on Windows). Read as UTF-8, such characters would become �, so nothing of the file is imported; ' +
    'save it as "CSV UTF-8" and import it again.'
  );
}

function notUtf8Error(name: string, where: string, line: number, column: string | null, utf8: Utf8Watch): SourceError {
  return new SourceError('not-utf8', notUtf8Message(name, where, utf8), line, column, utf8.context);
}

function refuseNotUtf8(issues: IssueLog, name: string, line: number, utf8: Utf8Watch): void {
  issues.stoppedFile(name, line, null, utf8.context, 'not-utf8', notUtf8Message(name, `Line ${line.toLocaleString('en-US')}`, utf8));
}

/** The first cell holding U+FFFD (what a byte that is not UTF-8 became) and the line breaks before it in the row. */
function replacementCharIn(cells: readonly string[], eol: '\n' | '\r'): { cell: number; lines: number } | null {
  let lines = 0;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c]!;
    const at = cell.indexOf('\uFFFD');
    if (at !== -1) return { cell: c, lines: lines + newlinesIn(cell.slice(0, at), eol) };
    lines += newlinesIn(cell, eol);
  }
  return null;
}
