import { z } from 'zod';
import { FilePath } from './file-path';

/**
 * Where a file the user chose comes from: a path (Electron, the CLI) or an upload id (the browser
 * host, where pages cannot see paths). Importers resolve both to a file on disk.
 */
export const FileSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: FilePath }),
  z.object({ kind: z.literal('upload'), uploadId: z.string().regex(/^[0-9a-f]{32}$/, 'not an upload id'), name: z.string().max(500) }),
]);
export type FileSource = z.infer<typeof FileSource>;
