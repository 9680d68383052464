// The CLI in-process, for what needs no server: usage text, and refusals of wrong flags before anything is sent.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/operator/run';
import { backoffMs, parseRetryAfter } from '../../src/operator/retry-policy';

// Port 9 (discard) is never a SetVisit server: a test that reached the network would fail, not pass.
const env = { SETVISIT_URL: 'http://127.0.0.1:9', SETVISIT_OPERATOR_TOKEN: 'in-process-token' };

async function run(args: string[], environment: NodeJS.ProcessEnv = env) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, environment, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('operator CLI arguments', () => {
  it.each([[['help']], [['--help']], [['-h']], [['milestone', 'add', '--help']], [['help', 'token', 'add']]])('%j prints usage and exits 0', async (args) => {
    const { code, stdout } = await run(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run operator -- /);
  });

  it('help for one command lists its flags and the shared ones', async () => {
    const { stdout } = await run(['help', 'milestone', 'add']);
    for (const flag of ['--kind', '--en', '--zh', '--body-en', '--body-zh', '--at', '--project', '--idempotency-key', '--server', '--json']) expect(stdout).toContain(flag);
  });

  it.each([
    ['a count that is not a number', ['funding', 'set', '--raised', '12k', '--backers', '3'], '--raised: expected a number, got "12k"'],
    ['a negative count', ['funding', 'set', '--raised=-1', '--backers', '3'], '--raised (fundingRaised): must be at least 0'],
    ['a fraction', ['days', 'set', '--done', '1.5', '--planned', '3'], '--done: expected int'],
    ['a missing flag', ['days', 'set', '--done', '1'], 'missing --planned'],
    ['a flag the command does not take', ['funding', 'set', '--raised', '1', '--backers', '1', '--kind', 'funding'], 'unknown flag --kind for "funding set"'],
    ['a flag no command takes', ['project', 'show', '--colour'], 'unknown flag --colour'],
    ['a flag without its value', ['milestone', 'add', '--kind'], "'--kind"],
    ['an unknown phase', ['phase', 'set', 'wrapping'], 'phase: expected one of "pre-production"'],
    ['no phase', ['phase', 'set'], 'give the phase'],
    ['an extra argument', ['project', 'show', 'now'], 'unexpected argument "now"'],
    ['a title in no language', ['milestone', 'add', '--kind', 'funding'], '--en/--zh (title): give at least one of en, zh-CN'],
    ['an empty title', ['milestone', 'add', '--kind', 'funding', '--zh', ' '], '--zh (title.zh-CN): must have at least 1 characters'],
    ['a date without offset', ['milestone', 'add', '--kind', 'funding', '--en', 'x', '--at', '2026-11-25T20:04:00'], '--at (occurredAt): expected datetime'],
    ['an edit of nothing', ['project', 'edit'], 'give at least one of --title-en'],
    ['a lowercase currency', ['project', 'edit', '--currency', 'cny'], '--currency (changes.currency): wrong format'],
    ['a malformed project id', ['project', 'show', '--project', 'Lantern'], '--project: wrong format (lowercase letters'],
    ['a token for no project', ['token', 'add', '--label', 'x', '--tier', 'gold'], 'either --project'],
    ['a token for some and all projects', ['token', 'add', '--label', 'x', '--tier', 'gold', '--all-projects', '--project', 'a'], 'either --project'],
    ['an unknown tier', ['token', 'add', '--label', 'x', '--tier', 'bronze', '--all-projects'], '--tier: expected one of "supporter"'],
    ['a page too large', ['events', 'list', '--limit', '5000'], '--limit: expected a whole number from 1 to 1000'],
    ['an unknown command', ['milestone', 'remove'], 'unknown command "milestone remove": milestone takes add'],
    ['a bad server URL', ['project', 'show', '--server', 'localhost:8080'], '--server'],
    ['a server URL with credentials', ['project', 'show', '--server', 'http://op:secret@localhost:8080'], 'leave credentials out'],
    ['an idempotency key with spaces', ['days', 'set', '--done', '1', '--planned', '2', '--idempotency-key', 'a b'], '--idempotency-key'],
  ])('refuses %s with exit 2 before sending anything', async (_name, args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('refuses a token that cannot go in a header, without quoting it', async () => {
    const { code, stderr } = await run(['project', 'show'], { ...env, SETVISIT_OPERATOR_TOKEN: 'secret with spaces' });
    expect(code).toBe(2);
    expect(stderr).toContain('SETVISIT_OPERATOR_TOKEN');
    expect(stderr).not.toContain('secret');
  });
});

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 20:04:10 GMT', Date.parse('2026-11-25T20:04:00Z'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, () => 0.5))).toEqual([250, 500, 1000, 2000]);
    expect(backoffMs(1, () => 0)).toBe(125);
    expect(backoffMs(20, () => 0.5)).toBe(8000);
  });
});
