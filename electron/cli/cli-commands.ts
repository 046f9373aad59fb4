import type { CliCommand } from './cli-command';
import { anonymiseCommand } from './commands/anonymise-command';
import { backupsCommand } from './commands/backups-command';
import { copyCommand } from './commands/copy-command';
import { demoCommand } from './commands/demo-command';
import { forecastCommand } from './commands/forecast-command';
import { importCommand } from './commands/import-command';
import { infoCommand } from './commands/info-command';
import { metricsCommand } from './commands/metrics-command';
import { planCommand } from './commands/plan-command';
import { recommendCommand } from './commands/recommend-command';
import { reportCommand } from './commands/report-command';
import { sealCommand, unsealCommand } from './commands/seal-command';

/** Every `interlock` sub-command; a new command is a file in commands/ and a line here. */
export const CLI_COMMANDS: readonly CliCommand[] = [
  anonymiseCommand,
  backupsCommand,
  copyCommand,
  demoCommand,
  forecastCommand,
  importCommand,
  infoCommand,
  metricsCommand,
  planCommand,
  recommendCommand,
  reportCommand,
  sealCommand,
  unsealCommand,
];
