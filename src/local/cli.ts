/**
 * `client-tracker`: the built add-on on an .xlsx workbook, from the command line (built into
 * build/cli.js; bin/client-tracker.js loads it). Exit codes: 0 done, 1 the run failed (one sentence
 * on stderr, workbook unchanged), 2 usage error.
 */
import path from 'node:path';
import { parseArgs, UsageError, usage } from './cli/args';
import { chooseCliLanguage, cliText } from './cli/messages';
import { runCommand, type Io } from './cli/commands';

const io: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // The add-on the CLI runs: the repository's dist/, or another build (tests use small stand-in bundles).
  distDir: process.env.CLIENT_TRACKER_DIST ?? path.join(__dirname, '..', 'dist'),
};

/** The message of anything thrown, including errors from the add-on's own realm (node:vm). */
function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

async function main(argv: string[]): Promise<number> {
  chooseCliLanguage(argv, process.env);
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message} ${cliText('seeHelp')}`);
    return 2;
  }
  if (parsed.command === 'help') {
    io.out(usage());
    return 0;
  }
  try {
    return await runCommand(parsed.command, parsed.positional, parsed.options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message} ${cliText('seeHelp')}`);
      return 2;
    }
    io.err(messageOf(error));
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
