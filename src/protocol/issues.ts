// Turns a validation failure into what people read: one line per offending field, with its JSON path.
// zod/mini ships no message catalogue (that keeps the TV bundle small), so the few messages we need live here.
import type * as z from 'zod/mini';

export interface FieldIssue {
  /** JSON path of the field, e.g. `title.en` or `locations[2].initialView.yaw`; empty for the whole value. */
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

export function describeIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    // Name each unknown field by its own path: "sneaky: unknown field", not "(root): unrecognized keys".
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }));
    }
    return [{ path: formatPath(issue.path), message: messageFor(issue) }];
  });
}

export function summarizeIssues(issues: FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

function messageFor(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod reports the input only when asked to (it may be large); say what it saw when it can.
      return 'input' in issue && issue.input !== undefined ? `expected ${issue.expected}, got ${typeName(issue.input)}` : `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `must have at least ${String(issue.minimum)} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `must have at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'regex' ? `wrong format${issue.message && issue.message !== 'Invalid input' ? ` (${issue.message})` : ''}` : `expected ${issue.format}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : issue.code.replace(/_/g, ' ');
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'number (not an integer)';
  return typeof value;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
