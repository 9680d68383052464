// Reactions and short messages in a circle, on the real server over real sockets and a real SQLite file: they reach
// the circle's members and nobody else; bad input (outsiders, forged ids, floods, oversize, empty, another version)
// is refused with its reason and nothing is kept; the last few are there for a late joiner; a report reaches the
// host alone, who takes the message out for everyone and removes its sender.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol';
import {
  CIRCLE_CHAT_EVENTS,
  CIRCLE_EVENTS,
  CIRCLE_MESSAGE_MAX_LENGTH,
  CircleActionReply,
  CircleMessage,
  CircleMessageRemoved,
  CircleMessageReported,
  CircleReacted,
  CircleRecentReply,
  CircleReply,
  CircleSayReply,
  type CircleClosed,
  type CircleRefusal,
} from '../../src/protocol/circle';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

const KEPT = 4;
let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ circleLimits: { joinRateLimit: { perSecond: 1000, burst: 1000 }, keptMessages: KEPT } });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.dispose();
});

interface Member {
  socket: Socket;
  messages: CircleMessage[];
  reactions: CircleReacted[];
  reported: CircleMessageReported[];
  removed: CircleMessageRemoved[];
  closed: CircleClosed[];
}

async function member(): Promise<Member> {
  const socket = connect(server.url, { auth: { v: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const m: Member = { socket, messages: [], reactions: [], reported: [], removed: [], closed: [] };
  socket.on(CIRCLE_CHAT_EVENTS.message, (p: unknown) => m.messages.push(CircleMessage.parse(p)));
  socket.on(CIRCLE_CHAT_EVENTS.reacted, (p: unknown) => m.reactions.push(CircleReacted.parse(p)));
  socket.on(CIRCLE_CHAT_EVENTS.reported, (p: unknown) => m.reported.push(CircleMessageReported.parse(p)));
  socket.on(CIRCLE_CHAT_EVENTS.removed, (p: unknown) => m.removed.push(CircleMessageRemoved.parse(p)));
  socket.on(CIRCLE_EVENTS.closed, (c: CircleClosed) => m.closed.push(c));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return m;
}

const ask = async (m: Member, event: string, payload: unknown): Promise<unknown> => m.socket.timeout(3000).emitWithAck(event, payload);
const say = async (m: Member, circleId: string, body: Record<string, unknown>) => CircleSayReply.parse(await ask(m, CIRCLE_CHAT_EVENTS.say, { v: 1, circleId, ...body }));
const react = async (m: Member, circleId: string, reaction: string, extra: Record<string, unknown> = {}) =>
  CircleActionReply.parse(await ask(m, CIRCLE_CHAT_EVENTS.react, { v: 1, circleId, reaction, ...extra }));
const recent = async (m: Member, circleId: string) => CircleRecentReply.parse(await ask(m, CIRCLE_CHAT_EVENTS.recent, { circleId }));
const report = async (m: Member, circleId: string, messageId: string) => CircleActionReply.parse(await ask(m, CIRCLE_CHAT_EVENTS.report, { circleId, messageId }));
const unsay = async (m: Member, circleId: string, messageId: string) => CircleActionReply.parse(await ask(m, CIRCLE_CHAT_EVENTS.unsay, { circleId, messageId }));
function ok<T extends { ok: boolean }>(reply: T): Extract<T, { ok: true }> {
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`);
  return reply as Extract<T, { ok: true }>;
}
const refusal = (reply: { ok: boolean }) => reply as CircleRefusal;

/** A circle: Ana hosts, then each name joins; returns the members and their ids. */
async function circle(...names: string[]) {
  const host = await member();
  const started = ok(CircleReply.parse(await ask(host, CIRCLE_EVENTS.create, { v: 1, projectId: PROJECT_ID, name: 'Ana', device: 'desktop', locationId: 'backlot' })));
  const others: { m: Member; id: string }[] = [];
  for (const name of names) {
    const m = await member();
    const joined = ok(CircleReply.parse(await ask(m, CIRCLE_EVENTS.join, { v: 1, code: started.circle.code, name, device: 'tv' })));
    others.push({ m, id: joined.you });
  }
  return { host, hostId: started.you, circleId: started.circle.id, code: started.circle.code, others };
}

describe('circle reactions and messages over real sockets', () => {
  it('relays messages, quick replies and reactions to the circle’s members and nobody else', async () => {
    const { host, hostId, circleId, others } = await circle('Bo');
    const bo = others[0]!;
    const stranger = await member();
    const elsewhere = await circle();

    const sent = ok(await say(bo.m, circleId, { text: '  Look at   the\nlights  ' }));
    expect(sent.message).toMatchObject({ circleId, memberId: bo.id, name: 'Bo', text: 'Look at the lights' });
    expect(sent.message.id).toMatch(/^g_/);
    ok(await say(host, circleId, { phrase: 'pause' }));
    ok(await react(bo.m, circleId, 'applause'));
    for (const m of [host, bo.m]) {
      await waitFor(() => m.messages.length === 2 && m.reactions.length === 1, 3000, 'messages and the reaction to reach a member');
      expect(m.messages.map((x) => x.text ?? x.phrase)).toEqual(['Look at the lights', 'pause']);
      expect(m.reactions[0]).toMatchObject({ circleId, memberId: bo.id, reaction: 'applause' });
    }
    expect(host.messages[1]).toMatchObject({ memberId: hostId, name: 'Ana', phrase: 'pause' });
    // Nothing reaches a socket outside the circle, or another circle's host.
    await new Promise((r) => setTimeout(r, 200));
    for (const m of [stranger, elsewhere.host]) expect([m.messages.length, m.reactions.length]).toEqual([0, 0]);

    // A late joiner sees what was just said, oldest first.
    const late = await member();
    const joined = ok(CircleReply.parse(await ask(late, CIRCLE_EVENTS.join, { v: 1, code: (await server.circleStorage.getCircle(circleId))!.code, name: 'Cy', device: 'phone' })));
    expect(joined.you).toMatch(/^m_/);
    expect(ok(await recent(late, circleId)).messages.map((x) => x.text ?? x.phrase)).toEqual(['Look at the lights', 'pause']);
  });

  it('refuses outsiders, forged ids, bad reactions, another version, empty and oversize messages, each with its reason; nothing is kept', async () => {
    // Two members share the requests: every circle message of a socket also counts against its circle limit (12 at once).
    const { host, circleId, others } = await circle('Bo', 'Cy');
    const bo = others[0]!;
    const cy = others[1]!;
    const stranger = await member();
    expect(refusal(await say(stranger, circleId, { text: 'hi' }))).toMatchObject({ reason: 'not-member', error: { code: 'forbidden' } });
    expect(refusal(await react(stranger, circleId, 'heart'))).toMatchObject({ reason: 'not-member' });
    expect(refusal(CircleRecentReply.parse(await ask(stranger, CIRCLE_CHAT_EVENTS.recent, { circleId })))).toMatchObject({ reason: 'not-member' });
    // A member naming another circle, or claiming to be someone else.
    const other = await circle();
    expect(refusal(await say(bo.m, other.circleId, { text: 'hi' }))).toMatchObject({ reason: 'not-member' });
    expect(refusal(await say(bo.m, circleId, { text: 'hi', memberId: other.hostId }))).toMatchObject({ reason: 'invalid', error: { code: 'invalid-request' } });
    expect(refusal(await react(bo.m, circleId, 'heart', { memberId: other.hostId }))).toMatchObject({ reason: 'invalid' });
    expect(refusal(await say(bo.m, 'c_forged!!', { text: 'hi' }))).toMatchObject({ reason: 'invalid' });
    expect(refusal(await react(bo.m, circleId, 'skull'))).toMatchObject({ reason: 'invalid', error: { message: expect.stringContaining('reaction') as unknown } });
    expect(refusal(await say(bo.m, circleId, { phrase: 'buy-now' }))).toMatchObject({ reason: 'invalid' });
    expect(refusal(await say(bo.m, circleId, { text: 'both', phrase: 'wow' }))).toMatchObject({ reason: 'invalid' });
    expect(refusal(CircleSayReply.parse(await ask(bo.m, CIRCLE_CHAT_EVENTS.say, { v: 99, circleId, text: 'hi' })))).toMatchObject({ reason: 'invalid', error: { code: 'protocol-version' } });
    // Empty, oversize, and control characters.
    expect(refusal(await say(cy.m, circleId, { text: ' \n\t ' }))).toMatchObject({ reason: 'empty', error: { code: 'invalid-request' } });
    expect(refusal(await say(cy.m, circleId, { text: 'x'.repeat(CIRCLE_MESSAGE_MAX_LENGTH + 1) }))).toMatchObject({
      reason: 'too-long',
      error: { message: `a message has at most ${CIRCLE_MESSAGE_MAX_LENGTH} characters` },
    });
    expect(refusal(await say(cy.m, circleId, { text: 'bell\u0007' }))).toMatchObject({ reason: 'invalid', error: { message: expect.stringContaining('control') as unknown } });
    expect(refusal(await say(cy.m, circleId, { text: 42 }))).toMatchObject({ reason: 'invalid' });
    expect(await server.circleStorage.recentMessages(circleId, 50)).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    expect([host.messages.length, host.reactions.length]).toEqual([0, 0]);
    // The limit is in characters, not bytes or UTF-16 units: 200 Chinese characters (and emoji) pass.
    expect(ok(await say(bo.m, circleId, { text: '好'.repeat(CIRCLE_MESSAGE_MAX_LENGTH - 2) + '🎬🎬' })).message.text).toHaveLength(CIRCLE_MESSAGE_MAX_LENGTH + 2);
  });

  it('answers a flood of messages or reactions with a reason, per member, and keeps only a short tail', async () => {
    const { host, circleId, others } = await circle('Bo', 'Cy');
    const [bo, cy] = [others[0]!, others[1]!];
    // The message limit: a burst of 5, then refused.
    const replies = await Promise.all(Array.from({ length: 7 }, (_, i) => say(bo.m, circleId, { text: `line ${i}` })));
    const passed = replies.filter((r) => r.ok).length;
    expect(passed).toBe(5);
    expect(replies.filter((r) => !r.ok).map((r) => refusal(r))).toEqual(
      Array.from({ length: 2 }, () => expect.objectContaining({ reason: 'flood', error: { code: 'rate-limited', message: 'too many messages: wait a few seconds' } }) as unknown),
    );
    // Another member's bucket is their own.
    ok(await say(host, circleId, { text: 'still me' }));
    // Kept: the newest KEPT only, oldest first.
    const tail = ok(await recent(host, circleId)).messages.map((m) => m.text);
    expect(tail).toHaveLength(KEPT);
    expect(tail.at(-1)).toBe('still me');
    // Reactions: a burst of 8 (Cy's socket has used only its join of its circle limit).
    const reacts = await Promise.all(Array.from({ length: 10 }, () => react(cy.m, circleId, 'heart')));
    expect(reacts.filter((r) => r.ok).length).toBe(8);
    expect(refusal(reacts.at(-1)!)).toMatchObject({ reason: 'flood', error: { code: 'rate-limited', message: 'too many reactions: wait a moment' } });
  });

  it('sends a report to the host alone; the host removes the message for everyone, then its sender', async () => {
    const { host, hostId, circleId, others } = await circle('Bo', 'Cy');
    const [bo, cy] = [others[0]!, others[1]!];
    const rude = ok(await say(bo.m, circleId, { text: 'something rude' })).message;
    await waitFor(() => cy.m.messages.length === 1, 3000, 'Cy to see the message');

    // Reports that name no message of this circle, or one's own.
    expect(refusal(await report(cy.m, circleId, 'g_forgedforged'))).toMatchObject({ reason: 'unknown-message', error: { code: 'not-found' } });
    expect(refusal(await report(bo.m, circleId, rude.id))).toMatchObject({ reason: 'invalid' });
    const elsewhere = await circle();
    expect(refusal(await report(elsewhere.host, circleId, rude.id))).toMatchObject({ reason: 'not-member' });

    ok(await report(cy.m, circleId, rude.id));
    const told = await waitFor(() => host.reported[0], 3000, 'the host to hear of the report');
    expect(told).toMatchObject({ circleId, reportedBy: cy.id, reporterName: 'Cy', message: { id: rude.id, memberId: bo.id, name: 'Bo', text: 'something rude', reported: true } });
    await new Promise((r) => setTimeout(r, 150));
    expect([bo.m.reported.length, cy.m.reported.length]).toEqual([0, 0]);
    // Only the host's own history shows it was reported.
    expect(ok(await recent(host, circleId)).messages[0]!.reported).toBe(true);
    expect(ok(await recent(cy.m, circleId)).messages[0]!.reported).toBeUndefined();

    // A member cannot take a message out; the host can, for everyone.
    expect(refusal(await unsay(cy.m, circleId, rude.id))).toMatchObject({ reason: 'not-host', error: { code: 'forbidden' } });
    ok(await unsay(host, circleId, rude.id));
    for (const m of [host, bo.m, cy.m]) await waitFor(() => m.removed.some((r) => r.messageId === rude.id), 3000, 'the removal to reach a member');
    expect(ok(await recent(cy.m, circleId)).messages).toEqual([]);
    expect(refusal(await unsay(host, circleId, rude.id))).toMatchObject({ reason: 'unknown-message' });

    // The host's existing remove applies to the sender: out, and no longer heard.
    ok(CircleActionReply.parse(await ask(host, CIRCLE_EVENTS.manage, { circleId, action: { kind: 'remove', memberId: bo.id } })));
    await waitFor(() => bo.m.closed.length === 1, 3000, 'Bo to be told he was removed');
    expect(refusal(await say(bo.m, circleId, { text: 'again' }))).toMatchObject({ reason: 'not-member' });
    expect(refusal(await react(bo.m, circleId, 'laugh'))).toMatchObject({ reason: 'not-member' });
    expect(hostId).toMatch(/^m_/);
  });

  it('keeps nothing said once the host ends the circle', async () => {
    const { host, circleId } = await circle('Bo');
    ok(await say(host, circleId, { text: 'bye' }));
    expect(await server.circleStorage.recentMessages(circleId, 10)).toHaveLength(1);
    ok(CircleActionReply.parse(await ask(host, CIRCLE_EVENTS.manage, { circleId, action: { kind: 'end' } })));
    expect(await server.circleStorage.recentMessages(circleId, 10)).toEqual([]);
  });
});
