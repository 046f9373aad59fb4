import { describe, expect, it } from 'vitest';
import { damagedWorkspaceError, translateSqliteError, translateWriteError } from '../../../electron/backend/store/sqlite-errors';
import { AppError } from '../../../shared/contract/result';

const sqlite = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('translateSqliteError', () => {
  it('says what a person can do, naming the file', () => {
    const readOnly = translateSqliteError(sqlite('SQLITE_READONLY'), '/m/ws.interlock') as AppError;
    expect(readOnly).toBeInstanceOf(AppError);
    expect(readOnly.code).toBe('read-only');
    expect(readOnly.message).toBe(
      '/m/ws.interlock cannot be written here (SQLITE_READONLY): the file or its folder is read-only. Choose a folder you may write in; for a workspace you were given, copy it there and open the copy.',
    );
    // A new workspace in a folder that may not be written: the same words fit, there being nothing to copy yet.
    expect((translateSqliteError(sqlite('SQLITE_CANTOPEN'), '/ro/new.interlock') as AppError).message).toContain('Choose a folder you may write in');
    expect((translateSqliteError(sqlite('SQLITE_BUSY'), '/m/ws.interlock') as AppError).code).toBe('workspace-locked');
    expect((translateSqliteError(sqlite('SQLITE_NOTADB'), '/m/ws.interlock') as AppError).code).toBe('not-a-workspace');
    expect((translateSqliteError(sqlite('SQLITE_FULL'), '/m/ws.interlock') as AppError).message).toBe('The disk holding /m/ws.interlock is full; nothing was written.');
  });

  it('a write a stopped program left half-done, met where it cannot be undone, is said as that, not as a read-only file', () => {
    const rollback = translateSqliteError(sqlite('SQLITE_READONLY_ROLLBACK'), '/usb/ws.interlock') as AppError;
    expect(rollback.code).toBe('read-only');
    expect(rollback.message).toContain('/usb/ws.interlock was left in the middle of a write by a program that stopped');
    expect(rollback.message).toContain('copy it together with ws.interlock-journal');
    expect(rollback.message).not.toContain('the file or its folder is read-only');
  });

  it('a write into the open workspace that SQLite refuses as read-only (the file, or the folder its journal goes in) says so, and what was not done', () => {
    const said = (notDone: string) =>
      `/usb/ws.interlock is read-only (its file permissions, or a write-protected drive or folder): ${notDone}. Copy it to a folder you can write in and open the copy.`;
    for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_CANTOPEN', 'SQLITE_PERM']) {
      const error = translateWriteError(sqlite(code, 'attempt to write a readonly database'), '/usb/ws.interlock', 'nothing was imported') as AppError;
      expect(error.code, code).toBe('read-only');
      expect(error.message, code).toBe(said('nothing was imported'));
    }
    // A half-done write of a stopped program, a full disk: as every other message says them.
    expect((translateWriteError(sqlite('SQLITE_READONLY_ROLLBACK'), '/usb/ws.interlock', 'nothing was changed') as AppError).message).toContain('left in the middle of a write');
    expect((translateWriteError(sqlite('SQLITE_FULL'), '/usb/ws.interlock', 'nothing was changed') as AppError).message).toBe('The disk holding /usb/ws.interlock is full; nothing was written.');
    const other = new TypeError('boom');
    expect(translateWriteError(other, '/usb/ws.interlock', 'nothing was changed')).toBe(other);
  });

  it('a damaged workspace is said by the first problem its check found and how many more, on one line, not all of them', () => {
    const report = ['*** in database main ***', ...Array.from({ length: 32 }, (_, i) => `Tree 69 page 76 cell ${127 - i}: Offset 65535 out of range 15939..16380`)].join('\n');
    const error = damagedWorkspaceError('/m/ws.interlock', report);
    expect(error.message).toBe(
      '/m/ws.interlock is damaged (Tree 69 page 76 cell 127: Offset 65535 out of range 15939..16380; and 31 more problems SQLite\'s check found). It was left as it is. ' +
        'Restore one of its automatic backups (in the app: Workspace → Restore a backup…, or File → Restore a Backup… in the desktop app; on the command line: `interlock backups "/m/ws.interlock"` lists them), or open a copy you kept.',
    );
    expect(error.details).toHaveLength(32);
    expect(error.details![31]).toEqual({ path: 'integrity check', message: 'Tree 69 page 76 cell 96: Offset 65535 out of range 15939..16380' });
  });

  describe('edge cases', () => {
    it('a check report of one problem, of problems in several rows, or an error’s own message', () => {
      const reason = (report: string) => /is damaged \((.*)\)\. It was left/.exec(damagedWorkspaceError('/m/ws.interlock', report).message)?.[1];
      expect(reason('*** in database main ***\nPage 5: never used')).toBe('Page 5: never used');
      expect(reason('*** in database main ***\nPage 5: never used\n*** in database main ***\nrow 3 missing from index x')).toBe("Page 5: never used; and 1 more problem SQLite's check found");
      expect(reason('database disk image is malformed')).toBe('database disk image is malformed');
      expect(damagedWorkspaceError('/m/ws.interlock', 'database disk image is malformed').details).toBeUndefined();
    });

    it('passes through what is not SQLite’s, and an AppError as it is', () => {
      const other = new TypeError('boom');
      expect(translateSqliteError(other, 'f')).toBe(other);
      const app = new AppError('internal', 'kept');
      expect(translateSqliteError(app, 'f')).toBe(app);
      expect(translateSqliteError(null, 'f')).toBeNull();
    });
  });
});
