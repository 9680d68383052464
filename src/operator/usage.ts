// The usage text, built from the command table so it can never list a flag the parser does not take.
import { GLOBAL_FLAGS, KEY_FLAG, PROJECT_FLAG, flagsOf } from './argv';
import { COMMANDS } from './commands';
import type { Command, FlagSpec } from './commands/types';
import { TOKEN_ENV, URL_ENV } from './settings';

const RUN = 'npm run operator --';

function flagLine(flag: FlagSpec): string {
  const left = `--${flag.name}${flag.value ? ` ${flag.value}` : ''}${flag.multiple ? ' ...' : ''}`;
  // A long placeholder (the list of kinds) would push the help out of its column: give it its own line.
  return left.length < 30 ? `      ${left.padEnd(30)} ${flag.help}` : `      ${left}\n      ${''.padEnd(30)} ${flag.help}`;
}

function commandBlock(command: Command): string {
  return [
    `  ${[...command.words, ...(command.args ?? [])].join(' ')}`,
    `      ${command.summary}`,
    ...command.flags.map(flagLine),
    `      e.g. ${RUN} ${command.example}`,
  ].join('\n');
}

export function usage(command?: Command): string {
  if (command) {
    return [`Usage: ${RUN} ${command.words.join(' ')} [flags]`, '', commandBlock(command), '', 'Flags it also takes:', ...flagsOf(command).filter((f) => !command.flags.includes(f)).map(flagLine), ''].join('\n');
  }
  return [
    `Usage: ${RUN} <command> [flags]`,
    '',
    'Changes a running SetVisit server through its HTTP API; every change is broadcast to open pages.',
    '',
    'Commands:',
    ...COMMANDS.map(commandBlock),
    '  help [command]',
    '      this text',
    '',
    'Flags every command takes:',
    ...GLOBAL_FLAGS.map(flagLine),
    'Project commands (all but the token ones) also take:',
    flagLine(PROJECT_FLAG),
    `${COMMANDS.filter((c) => c.keyed).map((c) => c.words.join(' ')).join(', ')} also take:`,
    flagLine(KEY_FLAG),
    '',
    'Environment:',
    `  ${TOKEN_ENV}   the operator token (required; never a flag, so it stays out of ps and shell history)`,
    `  ${URL_ENV}              the server URL, unless --server is given`,
    '',
    'Exit codes: 0 done, 1 the server refused or could not be reached, 2 wrong flags or environment (nothing sent).',
    'Posts are retried on network errors, 5xx and 429 with the same Idempotency-Key, so nothing is stored twice.',
    '',
  ].join('\n');
}
