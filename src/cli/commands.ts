import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';
import { backupCommand, restoreCommand } from './backup.commands.js';
import { demoCommand, importCommand, migrateCommand, serveCommand } from './workspace.commands.js';
import { extractCommand } from './extract.command.js';
import { reextractCommand } from './reextract.command.js';
import { reportCommand } from './report.command.js';
import { publicationCommand } from './publication.command.js';
import { tokenCommand, userCommand } from './user.commands.js';

export interface CommandInput {
  config: Readonly<Config>;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  run(input: CommandInput): Promise<number>;
}

/** Every `claimdesk` subcommand. Each is a thin wrapper over the same services the web app uses. */
export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  import: importCommand,
  extract: extractCommand,
  demo: demoCommand,
  user: userCommand,
  token: tokenCommand,
  backup: backupCommand,
  restore: restoreCommand,
  report: reportCommand,
  reextract: reextractCommand,
  publication: publicationCommand,
};
