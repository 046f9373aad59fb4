import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { CSV_FILES, csvFileName, csvText, jiraFileCount, jiraFileName, jiraFileText, jiraLinks } from './portfolio-text';
import { TRANSITIONS_PER_ITEM, generateSize, type SizeName } from './synthetic-portfolio';

// The synthetic portfolios on disk under bench/data/<size>/ (git-ignored). Generated only when
// missing or made by another version of the generator (the manifest says which).

/** Bump when the generator or the text changes, so stale files are written again. */
export const GENERATOR_VERSION = 2;
export const DATA_DIR = join(import.meta.dirname, 'data');

export interface PortfolioFiles {
  size: SizeName;
  dir: string;
  csv: string[];
  jira: string[];
  items: number;
  transitions: number;
  teams: number;
  dependencies: number;
  csvBytes: number;
  jiraBytes: number;
  /** Seconds it took to write them in this run, or null when they were already there. */
  generatedSeconds: number | null;
}

interface Manifest extends Omit<PortfolioFiles, 'dir' | 'generatedSeconds'> {
  version: number;
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<number> {
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
  return statSync(path).size;
}

function readManifest(path: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

export async function ensurePortfolioFiles(size: SizeName, log: (line: string) => void): Promise<PortfolioFiles> {
  const dir = join(DATA_DIR, size);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = readManifest(manifestPath);
  const complete = (m: Manifest) => [...m.csv, ...m.jira].every((f) => existsSync(join(dir, f)));
  if (manifest && manifest.version === GENERATOR_VERSION && complete(manifest)) {
    return { ...manifest, dir, csv: manifest.csv.map((f) => join(dir, f)), jira: manifest.jira.map((f) => join(dir, f)), generatedSeconds: null };
  }
  const started = performance.now();
  log(`Writing the ${size} portfolio to ${dir} (once; later runs reuse it)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const portfolio = generateSize(size);
  let csvBytes = 0;
  for (const file of CSV_FILES) csvBytes += await writeChunks(join(dir, csvFileName(file)), csvText(portfolio, file));
  const links = jiraLinks(portfolio);
  const jira: string[] = [];
  let jiraBytes = 0;
  for (let f = 0; f < jiraFileCount(portfolio); f++) {
    jira.push(jiraFileName(f));
    jiraBytes += await writeChunks(join(dir, jiraFileName(f)), jiraFileText(portfolio, f, links));
  }
  const written: Manifest = {
    version: GENERATOR_VERSION,
    size,
    csv: CSV_FILES.map(csvFileName),
    jira,
    items: portfolio.items,
    transitions: portfolio.items * TRANSITIONS_PER_ITEM,
    teams: portfolio.teams,
    dependencies: portfolio.dependencyFrom.length,
    csvBytes,
    jiraBytes,
  };
  writeFileSync(manifestPath, `${JSON.stringify(written, null, 2)}\n`);
  const generatedSeconds = (performance.now() - started) / 1000;
  return { ...written, dir, csv: written.csv.map((f) => join(dir, f)), jira: jira.map((f) => join(dir, f)), generatedSeconds };
}
