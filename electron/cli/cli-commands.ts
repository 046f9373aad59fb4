import type { CliCommand } from './cli-command';
import { demoCommand } from './commands/demo-command';
import { infoCommand } from './commands/info-command';
import { metricsCommand } from './commands/metrics-command';

/** Every `interlock` sub-command; a new command is a file in commands/ and a line here. */
export const CLI_COMMANDS: readonly CliCommand[] = [demoCommand, infoCommand, metricsCommand];
