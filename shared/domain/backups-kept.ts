/**
 * How many automatic backups are kept, said the same way by the app, the desktop menu and the CLI.
 * Per path: a workspace renamed or moved lists the backups of each path it had, so the list can
 * hold more than one path's share.
 */
export function backupsKeptSentence({ kept, keptBesides }: { kept: number; keptBesides: number }): string {
  return (
    `Interlock keeps the last ${kept} backups taken at each path a workspace has had (before each upgrade, import, restore and replace), ` +
    `and besides them the last ${keptBesides} taken before a replace and the last ${keptBesides} before a restore: those hold what was put aside on purpose.`
  );
}
