// An error that knows the HTTP answer it stands for; everything else the API throws is a 500.
import type { FieldIssue } from '../../protocol';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: FieldIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}
