// Runs one invocation end to end and turns every outcome into output and an exit code; no process globals,
// so the whole CLI can be driven with any argv, environment and output.
import { randomUUID } from 'node:crypto';
import { IdempotencyKey } from '../protocol';
import { ApiClient } from './api-client';
import { parseInvocation } from './argv';
import { stringFlag } from './commands/shared';
import type { CommandContext, Output } from './commands/types';
import { ApiError, EXIT_FAILED, EXIT_OK, NetworkError, UsageError } from './errors';
import { apiErrorText } from './format';
import { isRetryableStatus } from './retry-policy';
import { operatorToken, projectId, serverUrl } from './settings';
import { usage } from './usage';

export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, output: Output): Promise<number> {
  // Known once the command line is parsed; they shape how a failure is reported.
  let json = false;
  let retryKey: string | undefined;
  try {
    const invocation = parseInvocation(argv);
    if (invocation.kind === 'help') {
      output.out(usage(invocation.command));
      return EXIT_OK;
    }
    const { command, flags, args } = invocation;
    json = flags.json === true;
    // One key per invocation: every attempt of its one POST carries it.
    const key = stringFlag(flags, 'idempotency-key') ?? randomUUID();
    if (!IdempotencyKey.safeParse(key).success) throw new UsageError('--idempotency-key: expected 1–128 printable ASCII characters');
    const { keyed } = command;
    if (keyed) retryKey = key;
    let client: ApiClient | undefined;
    const ctx: CommandContext = {
      flags,
      args,
      json,
      output,
      projectId: command.projectScoped ? projectId(stringFlag(flags, 'project')) : '',
      api: () =>
        (client ??= new ApiClient({
          baseUrl: serverUrl(stringFlag(flags, 'server'), env),
          token: operatorToken(env),
          idempotencyKey: key,
          onRetry: ({ attempt, reason, waitMs }) =>
            output.err(`attempt ${attempt} failed (${reason}); retrying in ${(waitMs / 1000).toFixed(1)} s${keyed ? ' with the same Idempotency-Key' : ''}`),
        })),
    };
    await command.run(ctx);
    return EXIT_OK;
  } catch (err) {
    return report(err, output, json, retryKey);
  }
}

/** `retryKey`: the Idempotency-Key of a post the server de-duplicates, offered when its outcome is unknown. */
function report(err: unknown, output: Output, json: boolean, retryKey: string | undefined): number {
  // After a lost answer or a 5xx/429 the change may or may not have been stored; the same key makes trying again safe.
  const retryHint = retryKey ? [`  It may or may not have been stored. To try again safely, add: --idempotency-key ${retryKey}`] : [];
  if (err instanceof UsageError) {
    output.err([`error: ${err.message}`, ...err.details.map((d) => `  ${d}`)].join('\n'));
    return err.exitCode;
  }
  if (err instanceof ApiError) {
    if (json && err.rawBody) output.out(err.rawBody);
    output.err([apiErrorText(err), ...(isRetryableStatus(err.status) ? retryHint : [])].join('\n'));
    return err.exitCode;
  }
  if (err instanceof NetworkError) {
    output.err([`error: ${err.message}`, ...retryHint].join('\n'));
    return err.exitCode;
  }
  output.err(`error: ${err instanceof Error ? err.message : String(err)}`);
  return EXIT_FAILED;
}
