// The server's log: one JSON object per line on stdout/stderr, for people and log shippers alike.
export interface ServerLog {
  /** Always written, even when quiet: start-up and shutdown lines that operators and supervisors wait for. */
  notice(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createServerLog(quiet = false): ServerLog {
  const write = (level: string, message: string, fields?: Record<string, unknown>, always = false) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
    if (level === 'error') process.stderr.write(line + '\n');
    else if (!quiet || always) process.stdout.write(line + '\n');
  };
  return {
    notice: (message, fields) => write('info', message, fields, true),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
