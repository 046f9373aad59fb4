import { z } from 'zod';
import { IMPORT_FORMATS } from './format-names';

// The import formats as the contract checks them; their names, labels and write order are in
// format-names.ts.

export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;
export const ImportFormatChoice = z.enum(['auto', ...IMPORT_FORMATS]);
export type ImportFormatChoice = z.infer<typeof ImportFormatChoice>;
