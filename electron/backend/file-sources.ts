import { basename } from 'node:path';
import type { FileSource } from '../../shared/contract/file-source';
import type { BackendContext } from './handlers/handler-types';

/** Turns a FileSource into a readable file on disk and the name to show and record for it. */
export function resolveFileSource(source: FileSource, context: BackendContext): { path: string; name: string } {
  if (source.kind === 'path') return { path: source.path, name: basename(source.path) };
  const upload = context.uploads.resolve(source.uploadId);
  return { path: upload.path, name: source.name || upload.name };
}
