// Turns the command line into a command and its flags (node:util parseArgs), refusing flags the command
// does not take, so a typo is an error instead of a silently ignored option.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { COMMANDS, findCommand } from './commands';
import type { Command, FlagSpec, FlagValues } from './commands/types';
import { UsageError } from './errors';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'server', value: '<url>', help: 'the server (default: $SETVISIT_URL, else http://localhost:8080)' },
  { name: 'json', help: 'print the raw JSON answer instead of text' },
  { name: 'help', help: 'show usage' },
];
export const PROJECT_FLAG: FlagSpec = { name: 'project', value: '<id>', help: 'the project (default lantern-keeper)' };
export const KEY_FLAG: FlagSpec = {
  name: 'idempotency-key',
  value: '<key>',
  help: 'reuse the key of an earlier attempt that got no answer (default: a new random UUID)',
};

export type Invocation = { kind: 'help'; command?: Command | undefined } | { kind: 'run'; command: Command; flags: FlagValues; args: string[] };

/** Every flag the command takes: its own, then the shared ones. */
export function flagsOf(command: Command): FlagSpec[] {
  return [...command.flags, ...(command.projectScoped ? [PROJECT_FLAG] : []), ...(command.keyed ? [KEY_FLAG] : []), ...GLOBAL_FLAGS];
}

export function parseInvocation(argv: readonly string[]): Invocation {
  // First pass, with every flag any command knows: finds the command words wherever the flags are.
  const all = [...GLOBAL_FLAGS, PROJECT_FLAG, KEY_FLAG, ...COMMANDS.flatMap((c) => c.flags)];
  const first = parse(argv, all, undefined);
  const [word1, word2] = first.positionals;
  if (argv.length === 0 || word1 === 'help' || first.values.help === true) {
    const [a, b] = word1 === 'help' ? first.positionals.slice(1) : first.positionals;
    return { kind: 'help', command: findCommand(a, b) };
  }
  const command = findCommand(word1, word2);
  if (!command) {
    const group = COMMANDS.filter((c) => c.words[0] === word1).map((c) => c.words[1]);
    const typed = [word1, word2].filter(Boolean).join(' ');
    throw new UsageError(
      group.length ? `unknown command "${typed}": ${word1} takes ${group.join(', ')}` : `unknown command "${typed}"; run with --help to list the commands`,
    );
  }

  // Second pass, with only this command's flags.
  const { values, positionals } = parse(argv, flagsOf(command), command);
  const args = positionals.slice(2);
  const expected = command.args?.length ?? 0;
  if (args.length > expected) throw new UsageError(`${command.words.join(' ')}: unexpected argument "${args[expected]!}"`);
  return { kind: 'run', command, flags: values, args };
}

function parse(argv: readonly string[], flags: readonly FlagSpec[], command: Command | undefined): { values: FlagValues; positionals: string[] } {
  const options: OptionsConfig = {};
  for (const flag of flags) {
    const previous = options[flag.name];
    options[flag.name] = {
      type: flag.value ? 'string' : 'boolean',
      // The first pass merges commands: a flag repeatable in one (token add --project) is repeatable there.
      multiple: Boolean(flag.multiple || previous?.multiple),
      ...(flag.name === 'help' ? { short: 'h' } : {}),
    };
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return { values, positionals };
  } catch (err) {
    throw usageErrorOf(err, command);
  }
}

function usageErrorOf(err: unknown, command: Command | undefined): UsageError {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown }).code;
  const name = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name) {
    return new UsageError(`unknown flag ${name}${command ? ` for "${command.words.join(' ')}" (see: ${command.words.join(' ')} --help)` : ''}`);
  }
  return new UsageError(message.split('\n')[0] ?? message, message.split('\n').slice(1));
}
