// Where the feed and media layers report what went wrong. Messages never carry tokens.
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: (message, details) => console.info(`[setvisit] ${message}`, details ?? ''),
  warn: (message, details) => console.warn(`[setvisit] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[setvisit] ${message}`, details ?? ''),
};
