// Pairing on the real server over real sockets and a real SQLite file: a TV's offer and a phone's join by its code,
// the backer code given to the TV (checked on the server, never stored), reactions, unpairing from the TV, and
// "look here" from the phone to its own TV, meet-up questions asked by the TV as its own viewer, and every refusal with its reason (unknown or expired code, a second
// TV, forged ids and keys, wrong backer codes, points out of range or from no paired phone, floods, oversize
// messages), with nothing stored for a refused request.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol';
import {
  PAIRING_CODE_ALPHABET,
  PAIRING_EVENTS,
  PairingActionReply,
  PairingJoinReply,
  PairingOfferReply,
  PairingView,
  type PairingClosed,
  type PairingPoint,
  type PairingReaction,
  type PairingRefusal,
  type PairingSignIn,
} from '../../src/protocol/pairing';
import { MEETUP_EVENTS, type Question } from '../../src/protocol/meetup';
import { SAMPLE_MEETUP_ID } from '../../src/server/sample-project';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
let shortLived: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  // Codes tried from one test address would otherwise meet the per-address limit; it has its own test below.
  server = await startTestServer({ pairingLimits: { enterRateLimit: { perSecond: 1000, burst: 1000 }, maxPhones: 2 } });
  shortLived = await startTestServer({ pairingLimits: { lifetimeMs: 600, expirySweepMs: 100 } });
  await server.storage.ensureBackerToken('other-film-gold', { label: 'test', tier: 'gold', projects: ['another-film'] });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.dispose();
  await shortLived?.dispose();
});

interface Client {
  socket: Socket;
  views: PairingView[];
  closed: PairingClosed[];
  signIns: PairingSignIn[];
  reactions: PairingReaction[];
  points: PairingPoint[];
}

async function client(url = server.url, token?: string): Promise<Client> {
  const socket = connect(url, { auth: { v: PROTOCOL_VERSION, ...(token ? { token } : {}) }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const c: Client = { socket, views: [], closed: [], signIns: [], reactions: [], points: [] };
  socket.on(PAIRING_EVENTS.state, (v: unknown) => c.views.push(PairingView.parse(v)));
  socket.on(PAIRING_EVENTS.closed, (v: PairingClosed) => c.closed.push(v));
  socket.on(PAIRING_EVENTS.signIn, (v: PairingSignIn) => c.signIns.push(v));
  socket.on(PAIRING_EVENTS.reaction, (v: PairingReaction) => c.reactions.push(v));
  socket.on(PAIRING_EVENTS.pointed, (v: PairingPoint) => c.points.push(v));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return c;
}

const ask = (c: Client, event: string, payload: unknown): Promise<unknown> => c.socket.timeout(3000).emitWithAck(event, payload);
const offer = async (c: Client, extra: Record<string, unknown> = {}) => PairingOfferReply.parse(await ask(c, PAIRING_EVENTS.offer, { v: 1, projectId: PROJECT_ID, tvName: 'Living room TV', ...extra }));
const join = async (c: Client, code: string, extra: Record<string, unknown> = {}) => PairingJoinReply.parse(await ask(c, PAIRING_EVENTS.join, { v: 1, code, name: 'Mei’s phone', device: 'phone', ...extra }));
const act = async (c: Client, event: string, payload: unknown) => PairingActionReply.parse(await ask(c, event, payload));
function ok<T extends { ok: boolean }>(reply: T): Extract<T, { ok: true }> {
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`);
  return reply as Extract<T, { ok: true }>;
}
const refusal = (reply: { ok: boolean }) => reply as PairingRefusal;
function rows(s: TestServer): { pairings: number; phones: number } {
  const db = new Database(s.dbFile, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { pairings: count('pairings'), phones: count('pairing_phones') };
  } finally {
    db.close();
  }
}

describe('pairing a phone with a TV', () => {
  it('pairs by the code, gives the TV a checked backer code, shows reactions, and unpairs from the TV', async () => {
    const tv = await client();
    const offered = ok(await offer(tv));
    expect(offered.pairing.code).toMatch(new RegExp(`^[${PAIRING_CODE_ALPHABET}]{6}$`));
    expect(offered.pairing.expiresAt - Date.now()).toBeGreaterThan(11 * 3600 * 1000);

    const phone = await client();
    // Typed as people do: lower case, a dash in the middle.
    const typed = `${offered.pairing.code.slice(0, 3).toLowerCase()}-${offered.pairing.code.slice(3)}`;
    const joined = ok(await join(phone, typed));
    expect(joined.pairing.id).toBe(offered.pairing.id);
    await waitFor(() => tv.views.at(-1)?.phones.map((p) => [p.name, p.online]).join() === 'Mei’s phone,true');

    // The backer code: checked, then handed to the TV alone (the phone's own socket never hears it back).
    expect(ok(await act(phone, PAIRING_EVENTS.backer, { pairingId: joined.pairing.id, code: 'demo-gold' })).tier).toBe('gold');
    await waitFor(() => tv.signIns.length === 1);
    expect(tv.signIns[0]).toMatchObject({ token: 'demo-gold', tier: 'gold', phoneName: 'Mei’s phone' });
    expect(phone.signIns).toEqual([]);
    expect(JSON.stringify(server.logs)).not.toContain('demo-gold');

    ok(await act(phone, PAIRING_EVENTS.react, { pairingId: joined.pairing.id, reaction: 'applause' }));
    await waitFor(() => tv.reactions.length === 1);
    expect(tv.reactions[0]).toMatchObject({ reaction: 'applause', phoneName: 'Mei’s phone', phoneId: joined.you });

    // The phone drops and comes back with its key: the same phone, not a new one.
    phone.socket.disconnect();
    await waitFor(() => tv.views.at(-1)?.phones[0]?.online === false);
    const again = await client();
    expect(ok(await join(again, offered.pairing.code, { phoneId: joined.you, phoneKey: joined.phoneKey })).you).toBe(joined.you);
    expect(rows(server).phones).toBe(1);

    // The TV unpairs it: it is told, its key no longer works, and it can do nothing more.
    ok(await act(tv, PAIRING_EVENTS.revoke, { pairingId: offered.pairing.id, phoneId: joined.you }));
    await waitFor(() => again.closed.length === 1);
    expect(again.closed[0]).toEqual({ pairingId: offered.pairing.id, reason: 'revoked' });
    expect(refusal(await act(again, PAIRING_EVENTS.react, { pairingId: offered.pairing.id, reaction: 'heart' })).reason).toBe('not-paired');
    expect(refusal(await join(await client(), offered.pairing.code, { phoneId: joined.you, phoneKey: joined.phoneKey })).reason).toBe('not-paired');
    await waitFor(() => tv.views.at(-1)?.phones.length === 0);

    // Ending the pairing: every phone is told, and the code opens nothing any more.
    const second = await client();
    ok(await join(second, offered.pairing.code));
    ok(await act(tv, PAIRING_EVENTS.revoke, { pairingId: offered.pairing.id }));
    await waitFor(() => second.closed.length === 1);
    expect(refusal(await join(await client(), offered.pairing.code)).reason).toBe('expired');
  });

  it('a TV comes back to its pairing with its key; a wrong key is forged', async () => {
    const tv = await client();
    const offered = ok(await offer(tv));
    tv.socket.disconnect();
    const back = await client();
    expect(ok(await offer(back, { pairingId: offered.pairing.id, tvKey: offered.tvKey })).pairing.code).toBe(offered.pairing.code);
    const before = rows(server);
    const thief = await client();
    expect(refusal(await offer(thief, { pairingId: offered.pairing.id, tvKey: 'x'.repeat(32) })).reason).toBe('forged');
    expect(rows(server)).toEqual(before);
  });
});

describe('refusals, each with a reason and nothing stored', () => {
  it('an unknown code, a malformed one, another version', async () => {
    const phone = await client();
    const before = rows(server);
    const unknown = refusal(await join(phone, 'ZZZZZZ'));
    expect(unknown.reason).toBe('unknown-code');
    expect(unknown.error.message).toContain('ZZZ-ZZZ');
    // 0 and O look alike: never in a code, refused as malformed before any lookup.
    expect(refusal(await join(phone, 'ABC0O1')).reason).toBe('invalid');
    expect(refusal(await join(phone, 'ABCDEF', { v: 2 })).error.code).toBe('protocol-version');
    expect(refusal(await join(phone, 'ABCDEF', { extra: true })).reason).toBe('invalid');
    expect(rows(server)).toEqual(before);
  });

  it('a second TV cannot take a TV’s code, and the phone limit holds', async () => {
    const tv = await client();
    const { pairing } = ok(await offer(tv));
    const otherTv = await client();
    ok(await offer(otherTv));
    const before = rows(server);
    // A set that shows its own code, then tries another TV's: refused.
    expect(refusal(await join(otherTv, pairing.code)).reason).toBe('second-tv');
    // A page that says it is a TV: refused too.
    expect(refusal(await join(await client(), pairing.code, { device: 'tv' })).reason).toBe('second-tv');
    // A phone cannot start showing a code either once paired.
    const phone = await client();
    ok(await join(phone, pairing.code));
    expect(refusal(await offer(phone)).reason).toBe('invalid');
    ok(await join(await client(), pairing.code));
    const full = refusal(await join(await client(), pairing.code));
    expect(full.reason).toBe('full');
    expect(full.error.message).toContain('2 phones');
    expect(rows(server)).toEqual({ pairings: before.pairings, phones: before.phones + 2 });
    expect(tv.views.at(-1)?.phones.length).toBe(2);
  });

  it('forged ids: another pairing, a phone acting as the TV, a stranger', async () => {
    const tv = await client();
    const { pairing } = ok(await offer(tv));
    const phone = await client();
    ok(await join(phone, pairing.code));
    const otherTv = await client();
    const other = ok(await offer(otherTv)).pairing;
    expect(refusal(await act(phone, PAIRING_EVENTS.react, { pairingId: other.id, reaction: 'heart' })).reason).toBe('not-paired');
    expect(refusal(await act(phone, PAIRING_EVENTS.revoke, { pairingId: pairing.id })).reason).toBe('not-paired');
    expect(refusal(await act(await client(), PAIRING_EVENTS.backer, { pairingId: pairing.id, code: 'demo-gold' })).reason).toBe('not-paired');
    expect(refusal(await act(tv, PAIRING_EVENTS.revoke, { pairingId: pairing.id, phoneId: 'ph_nobody12345' })).reason).toBe('not-paired');
    expect(refusal(await act(phone, PAIRING_EVENTS.react, { pairingId: 'not an id', reaction: 'heart' })).reason).toBe('invalid');
    expect(refusal(await join(await client(), pairing.code, { phoneId: 'ph_nobody12345', phoneKey: 'k'.repeat(32) })).reason).toBe('not-paired');
    expect(tv.reactions).toEqual([]);
    expect(otherTv.reactions).toEqual([]);
  });

  it('wrong backer codes: unknown, the operator’s token, another project’s; the TV hears none', async () => {
    const tv = await client();
    const { pairing } = ok(await offer(tv));
    const phone = await client();
    ok(await join(phone, pairing.code));
    expect(refusal(await act(phone, PAIRING_EVENTS.backer, { pairingId: pairing.id, code: 'not-a-code' })).reason).toBe('wrong-backer-code');
    expect(refusal(await act(phone, PAIRING_EVENTS.backer, { pairingId: pairing.id, code: OPERATOR_TOKEN })).reason).toBe('wrong-backer-code');
    expect(refusal(await act(phone, PAIRING_EVENTS.backer, { pairingId: pairing.id, code: 'other-film-gold' })).reason).toBe('no-access');
    await new Promise((r) => setTimeout(r, 200));
    expect(tv.signIns).toEqual([]);
  });

  it('oversize messages are refused before anything reads them', async () => {
    const phone = await client();
    const before = rows(server);
    const big = refusal(await join(phone, 'ABCDEF', { name: 'x'.repeat(4000) }));
    expect(big.reason).toBe('oversize');
    expect(refusal(await offer(await client(), { tvName: 'y'.repeat(2000) })).reason).toBe('oversize');
    // Within the size but over the name's limit: the field's own reason.
    expect(refusal(await join(phone, 'ABCDEF', { name: 'n'.repeat(33) })).reason).toBe('invalid');
    expect(rows(server)).toEqual(before);
  });

  it('an expired code is refused, and its phones are told', async () => {
    const tv = await client(shortLived.url);
    const { pairing } = ok(await offer(tv));
    const phone = await client(shortLived.url);
    ok(await join(phone, pairing.code));
    await waitFor(() => phone.closed.length === 1, 5_000);
    expect(phone.closed[0]).toEqual({ pairingId: pairing.id, reason: 'expired' });
    expect(tv.closed[0]?.reason).toBe('expired');
    const late = refusal(await join(await client(shortLived.url), pairing.code));
    expect(late.reason).toBe('expired');
    expect(rows(shortLived).phones).toBe(1);
  });

  it('floods: a reaction storm and code guessing hear "slow down"', async () => {
    const tv = await client();
    const { pairing } = ok(await offer(tv));
    const phone = await client();
    ok(await join(phone, pairing.code));
    const replies = await Promise.all(Array.from({ length: 10 }, () => act(phone, PAIRING_EVENTS.react, { pairingId: pairing.id, reaction: 'wow' })));
    const flooded = replies.filter((r) => !r.ok).map((r) => refusal(r).reason);
    expect(flooded.length).toBeGreaterThanOrEqual(3);
    expect(new Set(flooded)).toEqual(new Set(['flood']));
    await waitFor(() => tv.reactions.length === replies.filter((r) => r.ok).length);

    // Guessing codes on the default per-address limit (the other server; 3 of its 8 used above): refused, nothing stored.
    const guesser = await client(shortLived.url);
    const guesses = await Promise.all(Array.from({ length: 11 }, (_, i) => join(guesser, `ZZZZZ${PAIRING_CODE_ALPHABET[i]}`)));
    expect(guesses.map((g) => refusal(g).reason).filter((r) => r === 'flood').length).toBeGreaterThanOrEqual(3);
    expect(rows(shortLived).phones).toBe(1);
  });

});

describe('"look here" from the phone', () => {
  async function paired() {
    const tv = await client();
    const { pairing } = ok(await offer(tv));
    const phone = await client();
    const joined = ok(await join(phone, pairing.code));
    return { tv, phone, pairing, you: joined.you };
  }
  const point = (c: Client, pairingId: string, yaw: unknown, pitch: unknown, extra: Record<string, unknown> = {}) => act(c, PAIRING_EVENTS.point, { pairingId, yaw, pitch, ...extra });

  it('turns its own TV: the direction, and which phone pointed; the phone and other TVs hear nothing', async () => {
    const { tv, phone, pairing, you } = await paired();
    const other = await paired();
    ok(await point(phone, pairing.id, -135.5, 20));
    ok(await point(phone, pairing.id, 180, -90));
    await waitFor(() => tv.points.length === 2);
    expect(tv.points.map((p) => [p.yaw, p.pitch])).toEqual([[-135.5, 20], [180, -90]]);
    expect(tv.points[0]).toMatchObject({ pairingId: pairing.id, phoneId: you, phoneName: 'Mei’s phone' });
    expect(tv.points[1]!.at).toBeGreaterThanOrEqual(tv.points[0]!.at);
    await new Promise((r) => setTimeout(r, 150));
    expect(phone.points).toEqual([]);
    expect(other.tv.points).toEqual([]);
  });

  it('refuses a point from anyone but a paired phone, and one out of range, with the reason; the TV turns for none', async () => {
    const { tv, phone, pairing } = await paired();
    const other = await paired();
    const before = rows(server);
    // Not paired: a stranger, the TV itself, a phone of another TV naming this pairing.
    expect(refusal(await point(await client(), pairing.id, 10, 0)).reason).toBe('not-paired');
    expect(refusal(await point(tv, pairing.id, 10, 0)).reason).toBe('not-paired');
    expect(refusal(await point(other.phone, pairing.id, 10, 0)).reason).toBe('not-paired');
    // Out of range or not a number: refused, the field named.
    const wide = refusal(await point(phone, pairing.id, 180.5, 0));
    expect(wide.reason).toBe('invalid');
    expect(wide.error.message).toContain('yaw');
    const steep = refusal(await point(phone, pairing.id, 0, -91));
    expect(steep.reason).toBe('invalid');
    expect(steep.error.message).toContain('pitch');
    expect(refusal(await point(phone, pairing.id, Number.NaN, 0)).reason).toBe('invalid'); // NaN travels as null
    expect(refusal(await point(phone, pairing.id, '90', 0)).reason).toBe('invalid');
    expect(refusal(await point(phone, pairing.id, 10, 0, { zoom: 2 })).reason).toBe('invalid');
    // Unpaired by the TV: refused from then on.
    const unpaired = await paired();
    ok(await act(unpaired.tv, PAIRING_EVENTS.revoke, { pairingId: unpaired.pairing.id, phoneId: unpaired.you }));
    expect(refusal(await point(unpaired.phone, unpaired.pairing.id, 10, 0)).reason).toBe('not-paired');
    await new Promise((r) => setTimeout(r, 150));
    expect(tv.points).toEqual([]);
    expect(other.tv.points).toEqual([]);
    expect(unpaired.tv.points).toEqual([]);
    expect(rows(server)).toEqual({ pairings: before.pairings + 1, phones: before.phones });
  });

  it('a point storm hears "slow down"; the TV gets only the points let through', async () => {
    const { tv, phone, pairing } = await paired();
    const replies = await Promise.all(Array.from({ length: 16 }, (_, i) => point(phone, pairing.id, i * 10, 0)));
    const flooded = replies.filter((r) => !r.ok).map((r) => refusal(r).reason);
    // 8 at once (the burst), the rest refused, with a few let through as the bucket refills meanwhile.
    expect(flooded.length).toBeGreaterThanOrEqual(5);
    expect(new Set(flooded)).toEqual(new Set(['flood']));
    await waitFor(() => tv.points.length === replies.filter((r) => r.ok).length);
    await new Promise((r) => setTimeout(r, 150));
    expect(tv.points.length).toBe(replies.filter((r) => r.ok).length);
  });
});

describe('meet-up questions from the phone, asked by the TV as its viewer', () => {
  /**
   * A TV as the TV shell behaves (src/shells/tv/pairing/PairedPhoneQuestions.tsx): signed in with its backer code,
   * in the meet-up room (or not), and asking a phone's question there with its own socket, answering how it went.
   */
  async function tvIn(token: string | undefined, meetup: boolean) {
    const tv = await client(server.url, token);
    if (meetup) await tv.socket.timeout(3000).emitWithAck(MEETUP_EVENTS.join, { meetupId: SAMPLE_MEETUP_ID });
    tv.socket.on(PAIRING_EVENTS.question, (q: { text: string; phoneName: string }, answer: (a: unknown) => void) => {
      if (!meetup) return answer({ ok: false, reason: 'no-meetup', error: { code: 'invalid-request', message: 'no meet-up is open' } });
      void tv.socket
        .timeout(3000)
        .emitWithAck(MEETUP_EVENTS.ask, { meetupId: SAMPLE_MEETUP_ID, text: q.text, askedBy: q.phoneName })
        .then((r: { ok: boolean; error?: unknown }) => answer(r.ok ? { ok: true } : { ok: false, reason: 'meetup-refused', error: r.error }));
    });
    const { pairing } = ok(await offer(tv));
    const phone = await client();
    ok(await join(phone, pairing.code));
    return { tv, phone, pairing };
  }
  const ask = (c: Client, pairingId: string, text: unknown) => act(c, PAIRING_EVENTS.ask, { pairingId, text });
  async function board(): Promise<Question[]> {
    const watcher = await client(server.url, 'demo-gold');
    const reply = (await watcher.socket.timeout(3000).emitWithAck(MEETUP_EVENTS.join, { meetupId: SAMPLE_MEETUP_ID })) as { questions: Question[] };
    watcher.socket.close();
    return reply.questions;
  }

  it('a gold TV in the gold meet-up: the phone’s question is on the board, under the phone’s name', async () => {
    const { phone, pairing } = await tvIn('demo-gold', true);
    ok(await ask(phone, pairing.id, '  How long did the lantern scene take?  '));
    const asked = (await board()).find((q) => q.text === 'How long did the lantern scene take?');
    expect(asked?.askedBy).toBe('Mei’s phone');
  });

  it('refusals: a supporter TV (the meet-up’s tier check), a TV in no meet-up, a stranger, bad text, a storm', async () => {
    const before = (await board()).length;
    // The TV's viewer is a supporter: the gold meet-up refuses the TV (it could not join), so its question too.
    const supporter = await tvIn('demo-supporter', true);
    const refused = refusal(await ask(supporter.phone, supporter.pairing.id, 'Can supporters ask?'));
    expect(refused.reason).toBe('meetup-refused');
    expect(refused.error.code).toBe('forbidden');
    // The same with no backer code on the TV at all.
    const anonymous = await tvIn(undefined, true);
    expect(refusal(await ask(anonymous.phone, anonymous.pairing.id, 'And without a code?')).reason).toBe('meetup-refused');
    // A TV showing no meet-up.
    const home = await tvIn('demo-gold', false);
    expect(refusal(await ask(home.phone, home.pairing.id, 'Is anyone there?')).reason).toBe('no-meetup');
    // Not paired: a stranger, the TV itself.
    const gold = await tvIn('demo-gold', true);
    expect(refusal(await ask(await client(), gold.pairing.id, 'Hello?')).reason).toBe('not-paired');
    expect(refusal(await ask(gold.tv, gold.pairing.id, 'Hello?')).reason).toBe('not-paired');
    // The meet-up's bounds: blank, over 280 characters, not text.
    expect(refusal(await ask(gold.phone, gold.pairing.id, '   ')).reason).toBe('invalid');
    expect(refusal(await ask(gold.phone, gold.pairing.id, 'q'.repeat(281))).reason).toBe('invalid');
    expect(refusal(await ask(gold.phone, gold.pairing.id, 42)).reason).toBe('invalid');
    expect((await board()).length).toBe(before);
    // A storm from a phone with its limit untouched (refused tries count too), on a TV whose viewer has asked
    // nothing yet (the meet-up's own per-caller limit): three at once, then "one question at a time".
    await server.storage.ensureBackerToken('storm-gold', { label: 'test', tier: 'gold', projects: [PROJECT_ID] });
    const stormy = await tvIn('storm-gold', true);
    const storm = await Promise.all(Array.from({ length: 5 }, (_, i) => ask(stormy.phone, stormy.pairing.id, `Storm question ${i}`)));
    expect(storm.filter((r) => r.ok).length).toBe(3);
    expect(storm.filter((r) => !r.ok).map((r) => refusal(r).reason)).toEqual(['flood', 'flood']);
    // The TV gone: the phone hears so, nothing asked.
    gold.tv.socket.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    const quiet = await tvIn('demo-gold', true);
    quiet.tv.socket.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    expect(refusal(await ask(quiet.phone, quiet.pairing.id, 'Still there?')).reason).toBe('not-paired');
    expect((await board()).length).toBe(before + 3);
  });

  it('a TV whose answer is not one: the phone hears "invalid", not the TV’s words', async () => {
    const tv = await client(server.url, 'demo-gold');
    tv.socket.on(PAIRING_EVENTS.question, (_q: unknown, answer: (a: unknown) => void) => answer({ ok: 'yes', token: 'demo-gold' }));
    const { pairing } = ok(await offer(tv));
    const phone = await client();
    ok(await join(phone, pairing.code));
    const reply = refusal(await ask(phone, pairing.id, 'Anything?'));
    expect(reply.reason).toBe('invalid');
    expect(JSON.stringify(reply)).not.toContain('demo-gold');
  });
});

describe('joining the TV to a circle from the phone', () => {
  /** A TV whose circle code (src/shells/tv/circle, through usePairedPhoneCircleCodes) joins when the code is known. */
  async function tvJoining(known: string | null) {
    const tv = await client();
    const heard: { code: string; phoneName: string }[] = [];
    tv.socket.on(PAIRING_EVENTS.joinCircle, (c: { code: string; phoneName: string }, answer: (a: unknown) => void) => {
      heard.push(c);
      if (known === null) return answer({ ok: false, reason: 'no-circle-entry', error: { code: 'invalid-request', message: 'nothing joins a circle now' } });
      answer(c.code === known ? { ok: true } : { ok: false, reason: 'circle-refused', error: { code: 'not-found', message: 'no such circle' } });
    });
    const { pairing } = ok(await offer(tv));
    const phone = await client();
    ok(await join(phone, pairing.code));
    return { tv, phone, pairing, heard };
  }
  const send = (c: Client, pairingId: string, code: unknown) => act(c, PAIRING_EVENTS.circle, { pairingId, code });

  it('the TV hears the code (normalized) from its own phone and joins; refusals carry the reason', async () => {
    const { tv, phone, pairing, heard } = await tvJoining('ABCDEFGH');
    ok(await send(phone, pairing.id, 'abcd-efgh'));
    expect(heard.map((h) => [h.code, h.phoneName])).toEqual([['ABCDEFGH', 'Mei’s phone']]);
    // The circle's own refusal, passed on with its code.
    const wrong = refusal(await send(phone, pairing.id, 'HGFEDCBA'));
    expect(wrong.reason).toBe('circle-refused');
    expect(wrong.error.code).toBe('not-found');
    // Malformed codes never reach the TV: lookalikes, too short, not text.
    expect(refusal(await send(phone, pairing.id, 'ABCDEFG0')).reason).toBe('invalid');
    expect(refusal(await send(phone, pairing.id, 'ABC')).reason).toBe('invalid');
    expect(refusal(await send(phone, pairing.id, 12345678)).reason).toBe('invalid');
    // Not paired: a stranger, the TV itself.
    expect(refusal(await send(await client(), pairing.id, 'ABCDEFGH')).reason).toBe('not-paired');
    expect(refusal(await send(tv, pairing.id, 'ABCDEFGH')).reason).toBe('not-paired');
    expect(heard.length).toBe(2);
  });

  it('a TV with nothing to join a circle with says so', async () => {
    const { phone, pairing } = await tvJoining(null);
    expect(refusal(await send(phone, pairing.id, 'ABCDEFGH')).reason).toBe('no-circle-entry');
  });
});
