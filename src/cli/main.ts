import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { limitHeapGrowth } from '../runtime/heap-growth.js';
import { commands } from './commands.js';

const usage = `claimdesk — a fact-checking claims tracker

Usage: claimdesk <command> [options]

Commands:
  serve                                   start the web app (PORT, DATA_DIR, DATABASE_URL, DEMO)
  migrate                                 apply pending SQL migrations and exit
  import <file> --title T [--language tl] [--source-url URL]
                                          import a UTF-8 text file and its extracted claims
  extract <file> [--language tl] [--json] print the claims found in a file; touches no database
  demo [--reviewed]                       load the demo document (with the answer key applied)
  user add --email E --role R [--name N]  create a user; password from stdin, or one is generated
  token create --email E [--name N]       create an API token for a user (printed once)
  backup [--with-secrets] > backup.json   write the whole workspace as JSON (no sessions or tokens)
  restore <backup.json>                   load a backup into an empty workspace, all or nothing
  reextract <documentId>                  add the claims a newer extractor finds; reviewed claims untouched
  report <documentId> [--format F] [--include-open] [--output file]
                                          export the correction report (html, md, csv, json,
                                          claimreview, newsarticle, corrected, redline)
  publication <documentId> [--author A] [--publisher P] [--published-at YYYY-MM-DD]
              [--note-lists-typos true|false]
                                          show or set the article's byline facts (JSON out)

Every command accepts --help, which prints this text.`;

/** Runs one CLI command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`claimdesk: unknown command '${name}'\n\n${usage}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(usage);
    return 0;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (err) {
    console.error(`claimdesk ${name}: ${(err as Error).message}`);
    return 2;
  }
  try {
    const config = loadConfig();
    limitHeapGrowth(config.heapGrowingPercent);
    return await command.run({
      config,
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    });
  } catch (err) {
    const e = err as { status?: number; message?: string; details?: { fields?: { field: string; message: string }[] } };
    console.error(`claimdesk ${name}: ${e.message ?? String(err)}`);
    // 2: the command was called wrongly; 1: the input or the data was refused; 70: our fault.
    return e.status === 2 ? 2 : e.status && e.status < 500 ? 1 : 70;
  }
}
