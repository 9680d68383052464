// Entry point of `npm run operator -- <command>`: wires the process (argv, env, stdout/stderr, exit code) to runCli.
import { runCli } from './run';

const output = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
};

// exitCode rather than exit(): stdout is flushed before the process ends, even when piped.
process.exitCode = await runCli(process.argv.slice(2), process.env, output);
