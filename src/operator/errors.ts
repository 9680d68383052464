// The CLI's failures and their exit codes: 2 when the command itself is wrong (flags, environment), 1 when
// the server refused it or could not be reached.
import type { FieldIssue } from '../protocol';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** The command line or environment is wrong; nothing was sent. */
export class UsageError extends Error {
  readonly exitCode = EXIT_USAGE;
  constructor(
    message: string,
    /** One line each, already naming the flag. */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** The server answered with an error (after any retries). */
export class ApiError extends Error {
  readonly exitCode = EXIT_FAILED;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[],
    /** The answer as received, for `--json`. */
    readonly rawBody: string,
    /** Attempts made, this one included: above 1, an earlier attempt may have done the work and lost its answer. */
    readonly attempts = 1,
  ) {
    super(message);
  }
}

/** No answer at all: the server is down, unreachable, or kept failing until the retries ran out. */
export class NetworkError extends Error {
  readonly exitCode = EXIT_FAILED;
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}
