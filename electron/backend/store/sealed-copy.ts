import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { appendFileSync, closeSync, createReadStream, createWriteStream, existsSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';
import { checkReport, checkSummary, translateSqliteError } from './sqlite-errors';
import { claimWorkspaceTarget, fsyncPath, inspectWorkspaceFile, PRIVATE_FILE_MODE, removeQuietly, removeStaleTemporaries, sameFile, temporarySibling, type Workspace } from './workspace-file';

// A sealed copy is a workspace encrypted with a passphrase, for carrying on a stick or sending:
// scrypt derives the key, AES-256-GCM encrypts and authenticates — both from Node's crypto, nothing
// hand-made. Layout (version 1), every header byte authenticated as GCM's additional data:
//
//   offset  bytes  field
//   0       8      magic "ILKSEAL\0"
//   8       1      format version (1)
//   9       1      scrypt cost, log2 N (default 17: N = 131,072)
//   10      1      scrypt block size r (default 8)
//   11      1      scrypt parallelism p (default 1)
//   12      16     scrypt salt (random per copy)
//   28      12     GCM nonce (random per copy)
//   40      16     passphrase check: HMAC-SHA-256(second half of the derived key, bytes 0–39), first 16 bytes
//   56      n      the workspace, encrypted (AES-256-GCM, key = first half of the derived key)
//   56+n    16     GCM authentication tag
//
// The check tells a wrong passphrase apart from a changed file; the tag proves every byte.

const MAGIC = Buffer.from('ILKSEAL\u0000', 'latin1');
const FORMAT_VERSION = 1;
const HEADER_BYTES = 56;
const TAG_BYTES = 16;
const CHECK_OFFSET = 40;

export interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt recommendation (N = 2^17, r = 8, p = 1): about 128 MiB and a few tenths of a second to derive. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { log2N: 17, r: 8, p: 1 };
/**
 * What an opened file may ask for, checked before any key is derived: what Interlock writes, with
 * room for a stronger default — at most 4× its memory (512 MiB) and 4× its work (N·r·p, a few
 * seconds), so a crafted header cannot hold an unseal for minutes or take gigabytes.
 */
const COST_LIMITS = { log2N: [10, 20], r: [1, 32], p: [1, 16] } as const;
const MAX_SCRYPT_MEMORY = 4 * scryptMemory(DEFAULT_SCRYPT_COST);
const MAX_SCRYPT_WORK = 4 * scryptWork(DEFAULT_SCRYPT_COST);

export const SEALED_EXTENSION = '.sealed';
export const MIN_PASSPHRASE_LENGTH = 8;

function scryptMemory({ log2N, r }: ScryptCost): number {
  return 128 * 2 ** log2N * r;
}

/** scrypt's time grows with N·r·p (p runs one after another in Node). */
function scryptWork({ log2N, r, p }: ScryptCost): number {
  return 2 ** log2N * r * p;
}

/** "scrypt N = 2^20, r = 8, p = 16 takes 1024 MiB and 128× the work of Interlock's own seal". */
function describeCost(cost: ScryptCost): string {
  const times = scryptWork(cost) / scryptWork(DEFAULT_SCRYPT_COST);
  return `scrypt N = 2^${cost.log2N}, r = ${cost.r}, p = ${cost.p} takes ${scryptMemory(cost) / 1024 ** 2} MiB and ${times >= 1 ? Math.round(times) : times.toFixed(2)}× the work of Interlock's own seal`;
}

function deriveKeys(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<{ key: Buffer; checkKey: Buffer }> {
  const options: ScryptOptions = { N: 2 ** cost.log2N, r: cost.r, p: cost.p, maxmem: 2 * scryptMemory(cost) + 1024 ** 2 };
  return new Promise((resolvePromise, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, options, (error, derived) => {
      if (error) reject(error);
      else resolvePromise({ key: derived.subarray(0, 32), checkKey: derived.subarray(32) });
    });
  });
}

function passphraseCheck(checkKey: Buffer, header: Buffer): Buffer {
  return createHmac('sha256', checkKey).update(header.subarray(0, CHECK_OFFSET)).digest().subarray(0, 16);
}

function readBytes(path: string, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** True when the file starts like a sealed copy (any version). */
export function looksSealed(path: string): boolean {
  try {
    return statSync(path).isFile() && readBytes(path, 0, MAGIC.length).equals(MAGIC);
  } catch {
    return false;
  }
}

/**
 * A sealed copy is written like a workspace: a path that does not exist, or — only when the caller
 * says so — an existing sealed copy. A workspace or any other file is never replaced by one.
 */
function checkSealTarget(target: string, replace: boolean): void {
  if (!existsSync(dirname(target))) throw new AppError('not-found', `The folder ${dirname(target)} does not exist; create it first or choose another.`);
  if (!existsSync(target)) return;
  if (!looksSealed(target)) throw new AppError('workspace-exists', `${target} already exists and is not a sealed copy; it was not replaced. Choose another name.`);
  if (!replace) throw new AppError('workspace-exists', `${target} already exists. Choose another name, or confirm that it should be replaced.`);
}

/**
 * Seals the open workspace into `target`: a consistent copy in memory (SQLite's serialize, checked
 * whole), encrypted into a temporary sibling of the target, fsynced, then renamed into place. The
 * plain copy never touches a disk: a kill mid-way must not leave the workspace unencrypted in a
 * temporary folder.
 */
export async function sealWorkspace(
  workspace: Workspace,
  inputTarget: string,
  passphrase: string,
  options: { replace?: boolean; cost?: ScryptCost } = {},
): Promise<{ path: string; bytes: number }> {
  const target = resolve(inputTarget);
  if (sameFile(target, workspace.path)) throw new AppError('invalid-input', 'A sealed copy needs a different file than the open workspace.');
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new AppError('invalid-input', `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  checkSealTarget(target, options.replace ?? false);
  const cost = options.cost ?? DEFAULT_SCRYPT_COST;
  const built = temporarySibling(target);
  try {
    const copy = new Database(workspace.db.serialize());
    let plain: Buffer;
    try {
      const check = checkReport(copy, 'integrity_check');
      if (check !== 'ok') throw new AppError('workspace-corrupt', `The copy failed its integrity check (${checkSummary(check)}); ${target} was not written.`);
      // Rebuilt in memory, so that the free pages do not carry deleted text (a deleted risk, an
      // item's old description) to whoever is given the passphrase; as anonymise's VACUUM INTO.
      copy.exec('VACUUM');
      plain = copy.serialize();
    } finally {
      copy.close();
    }
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header, 0);
    header.writeUInt8(FORMAT_VERSION, 8);
    header.writeUInt8(cost.log2N, 9);
    header.writeUInt8(cost.r, 10);
    header.writeUInt8(cost.p, 11);
    const salt = randomBytes(16);
    const nonce = randomBytes(12);
    salt.copy(header, 12);
    nonce.copy(header, 28);
    const { key, checkKey } = await deriveKeys(passphrase, salt, cost);
    passphraseCheck(checkKey, header).copy(header, CHECK_OFFSET);

    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(header);
    writeFileSync(built, header, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    await pipeline(Readable.from(chunksOf(plain, 1 << 20)), cipher, createWriteStream(built, { flags: 'a' }));
    appendFileSync(built, cipher.getAuthTag());
    fsyncPath(built);
    checkSealTarget(target, options.replace ?? false);
    renameSync(built, target);
    fsyncPath(dirname(target));
    return { path: target, bytes: statSync(target).size };
  } catch (error) {
    rmSync(built, { force: true });
    throw translateSqliteError(error, target);
  }
}

/** The buffer in views of `size` bytes (no copy), for a stream to encrypt it piece by piece. */
function* chunksOf(buffer: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}

interface SealedHeader {
  header: Buffer;
  cost: ScryptCost;
  salt: Buffer;
  nonce: Buffer;
  check: Buffer;
}

function readSealedHeader(path: string): SealedHeader {
  if (!existsSync(path)) throw new AppError('not-found', `There is no sealed copy at ${path}.`);
  if (statSync(path).isDirectory()) throw new AppError('not-a-workspace', `${path} is a folder, not a sealed copy.`);
  const size = statSync(path).size;
  const header = readBytes(path, 0, HEADER_BYTES);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('not-a-workspace', `${path} is not a sealed Interlock copy. Nothing was written.`);
  if (header.length < HEADER_BYTES || size <= HEADER_BYTES + TAG_BYTES) {
    throw new AppError('workspace-corrupt', `${path} is cut short (${size} bytes): it is not a whole sealed copy. Nothing was written.`);
  }
  const version = header.readUInt8(8);
  if (version !== FORMAT_VERSION) throw new AppError('workspace-newer', `${path} was sealed by a newer version of Interlock (format ${version}). Update Interlock to open it; nothing was written.`);
  const cost = { log2N: header.readUInt8(9), r: header.readUInt8(10), p: header.readUInt8(11) };
  const within = (value: number, [low, high]: readonly [number, number]) => value >= low && value <= high;
  if (!within(cost.log2N, COST_LIMITS.log2N) || !within(cost.r, COST_LIMITS.r) || !within(cost.p, COST_LIMITS.p) || scryptMemory(cost) > MAX_SCRYPT_MEMORY || scryptWork(cost) > MAX_SCRYPT_WORK) {
    throw new AppError(
      'workspace-corrupt',
      `${path} asks for key-derivation settings outside what Interlock accepts: ${describeCost(cost)}, where at most ${MAX_SCRYPT_MEMORY / 1024 ** 2} MiB and ${MAX_SCRYPT_WORK / scryptWork(DEFAULT_SCRYPT_COST)}× are accepted. It was changed or damaged, or not sealed by Interlock; nothing was written.`,
    );
  }
  return { header, cost, salt: header.subarray(12, 28), nonce: header.subarray(28, 40), check: header.subarray(CHECK_OFFSET, HEADER_BYTES) };
}

/**
 * Opens a sealed copy into the workspace file `target`: the passphrase is checked first, then the
 * whole file is decrypted into a temporary sibling of the target while GCM checks every byte; the
 * result must be a healthy Interlock workspace (header, integrity_check) before it is renamed into
 * place under `claimWorkspaceTarget`'s rule. A wrong passphrase, a changed or cut-short file writes
 * nothing.
 */
export async function unsealWorkspace(
  inputSealed: string,
  inputTarget: string,
  passphrase: string,
  options: { replace?: boolean; /** Runs once the copy is decrypted and checked, before the target is claimed. */ beforeWrite?: () => void | Promise<void> } = {},
): Promise<{ path: string }> {
  const sealed = resolve(inputSealed);
  const target = resolve(inputTarget);
  if (sealed === target) throw new AppError('invalid-input', 'Open the sealed copy into another file than the sealed copy itself.');
  const { header, cost, salt, nonce, check } = readSealedHeader(sealed);
  const { key, checkKey } = await deriveKeys(passphrase, salt, cost);
  if (!timingSafeEqual(passphraseCheck(checkKey, header), check)) {
    throw new AppError('wrong-passphrase', `That passphrase does not open ${sealed} (or its header was changed). Nothing was written.`);
  }
  const size = statSync(sealed).size;
  const tag = readBytes(sealed, size - TAG_BYTES, TAG_BYTES);
  // The whole copy is decrypted and checked before anything else happens: a changed or cut-short
  // file must not cost the target a backup (each refused `--force` took one, and five of them
  // pushed every earlier backup out).
  // What needs no work is refused first: a missing folder, an existing target not to be replaced.
  if (!(options.replace ?? false) || !existsSync(target)) claimWorkspaceTarget(target, { replace: false }).release();
  // What an unseal that was killed outright (a crash, SIGKILL) left beside this target.
  removeStaleTemporaries(dirname(target), basename(target));
  const built = temporarySibling(target);
  unsealing.add(built);
  let placed = false;
  let claim: ReturnType<typeof claimWorkspaceTarget> | null = null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    const source = createReadStream(sealed, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 });
    try {
      await pipeline(source, decipher, createWriteStream(built, { flags: 'wx', mode: PRIVATE_FILE_MODE }));
    } catch (error) {
      if (error instanceof Error && /authenticate/i.test(error.message)) {
        throw new AppError('workspace-corrupt', `${sealed} was changed or damaged after it was sealed (its bytes do not match their seal). Nothing was written.`);
      }
      throw error;
    }
    fsyncPath(built);
    const inspection = inspectWorkspaceFile(built);
    if (inspection.state !== 'workspace') {
      throw new AppError(inspection.state === 'newer' ? 'workspace-newer' : 'workspace-corrupt', `What ${sealed} holds cannot be opened: ${(inspection.message ?? 'it is not an Interlock workspace.').replace(built, 'the unsealed workspace')} Nothing was written.`);
    }
    const db = new Database(built, { readonly: true, fileMustExist: true });
    try {
      const result = checkReport(db, 'integrity_check');
      if (result !== 'ok') throw new AppError('workspace-corrupt', `What ${sealed} holds is damaged (${checkSummary(result)}). Nothing was written.`);
    } finally {
      db.close();
    }
    await options.beforeWrite?.();
    claim = claimWorkspaceTarget(target, { replace: options.replace ?? false });
    claim.replaceWith(built);
    placed = true;
    return { path: target };
  } catch (error) {
    claim?.release();
    throw translateSqliteError(error, target);
  } finally {
    // The decrypted workspace never stays beside the target, whatever failed (a release too).
    unsealing.delete(built);
    if (!placed) removeQuietly(built);
  }
}

/** The decrypted temporaries of the unseals under way in this process. */
const unsealing = new Set<string>();

/**
 * Removes the decrypted temporaries of the unseals under way in this process, for a process that
 * is stopping mid-way (Ctrl-C, a kill, a closed terminal or window): without it the plain
 * workspace stays beside the target until an open or an unseal of that target an hour later. Such
 * an unseal then fails; nothing was written. Synchronous, so a signal handler can call it.
 */
export function removeUnsealingTemporaries(): void {
  for (const path of unsealing) {
    try {
      removeQuietly(path);
    } catch {
      // Still held open where that cannot be removed (Windows): the next open of the target removes it.
    }
  }
}
