// The shape every command has: its words, flags and usage, and what it runs with.
import type { ApiClient } from '../api-client';

/** A flag as both parseArgs and the usage text need it. */
export interface FlagSpec {
  name: string;
  /** Placeholder of the value (`<n>`); absent for a boolean switch. */
  value?: string;
  multiple?: boolean;
  help: string;
}

/** Parsed flag values, as node:util parseArgs returns them. */
export type FlagValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

export interface Output {
  /** Results: the answer, human-readable or raw JSON. */
  out(text: string): void;
  /** Everything else: retries, warnings, errors. Keeps stdout clean for `--json | jq`. */
  err(text: string): void;
}

export interface CommandContext {
  flags: FlagValues;
  /** Arguments after the command's two words. */
  args: string[];
  json: boolean;
  output: Output;
  /** The project the command is about (`--project`, default lantern-keeper); only for project commands. */
  projectId: string;
  /** The API client; made on first use, so a flag error is reported even before the token is checked. */
  api(): ApiClient;
}

export interface Command {
  /** e.g. `['milestone', 'add']`. */
  words: readonly [string, string];
  /** Positional arguments after the words, for usage (`<phase>`). */
  args?: readonly string[];
  summary: string;
  flags: readonly FlagSpec[];
  /** Takes `--project <id>` with the default project. */
  projectScoped: boolean;
  /**
   * Sends a POST that the server de-duplicates by Idempotency-Key (a retry answers what the first attempt
   * stored), so it takes `--idempotency-key`. False for reads, and for `token revoke`: a second revoke is a clear 409.
   */
  keyed: boolean;
  example: string;
  run(ctx: CommandContext): Promise<void>;
}
