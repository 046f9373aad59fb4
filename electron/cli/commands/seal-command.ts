import type { CliCommand } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, formatBytes, invokedAs, openToRead, parseCliArgs } from '../cli-support';
import { cliPassphrase, PASSPHRASE_ENV } from '../passphrase';

export const sealCommand: CliCommand = {
  name: 'seal',
  usage: 'seal FILE --out FILE.sealed [--force]',
  summary: `Write a copy encrypted with a passphrase (from ${PASSPHRASE_ENV}, or asked for on a terminal).`,
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, { out: { type: 'string' }, force: { type: 'boolean', default: false } });
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new UsageError('expected exactly one FILE');
    if (!values.out) throw new UsageError('--out FILE.sealed is required');
    const passphrase = await cliPassphrase(io, { confirm: true });
    // Only read: a client's file of an older schema is copied from one upgraded in memory, and stays as it is.
    await openToRead(backend, path, io);
    const sealed = await callOrThrow(backend, 'workspace.seal', { path: values.out, passphrase, replace: values.force }, { path: '--out', replace: '--force' });
    io.out(`Wrote a sealed copy to ${sealed.path} (${formatBytes(sealed.bytes)}). Open it with: ${invokedAs(io)} unseal "${sealed.path}" --out FILE.interlock`);
    return 0;
  },
};

export const unsealCommand: CliCommand = {
  name: 'unseal',
  usage: 'unseal FILE.sealed --out FILE.interlock [--force]',
  summary: `Decrypt a sealed copy into a workspace file (passphrase from ${PASSPHRASE_ENV}, or asked for on a terminal).`,
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, { out: { type: 'string' }, force: { type: 'boolean', default: false } });
    const [sealedPath] = positionals;
    if (!sealedPath || positionals.length > 1) throw new UsageError('expected exactly one FILE.sealed');
    if (!values.out) throw new UsageError('--out FILE.interlock is required');
    const passphrase = await cliPassphrase(io, { confirm: false });
    const opened = await callOrThrow(backend, 'workspace.unseal', { sealedPath, path: values.out, passphrase, replace: values.force, open: false }, { path: '--out', replace: '--force' });
    io.out(`Wrote the workspace "${opened.name}" to ${opened.path}; it passed the integrity check.`);
    return 0;
  },
};
