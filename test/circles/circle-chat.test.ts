// The circle chat core against the real server over real sockets: a message or reaction from one member reaches
// the others' snapshot and shows for its few seconds; empty and oversize messages are refused before sending, with
// the reason; a late joiner gets the last messages; a report reaches only the host's chat, and the host's removal
// takes the message out of everyone's; a dropped connection fetches what was said meanwhile.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CircleChat, CircleClient } from '../../src/circles';
import { CIRCLE_MESSAGE_MAX_LENGTH, type CircleDevice } from '../../src/protocol/circle';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
const owned: { dispose(): void }[] = [];
beforeAll(async () => {
  server = await startTestServer({ circleLimits: { joinRateLimit: { perSecond: 1000, burst: 1000 } } });
});
afterEach(() => {
  for (const o of owned.splice(0)) o.dispose();
});
afterAll(async () => {
  await server.dispose();
});

function member(name: string, device: CircleDevice = 'desktop') {
  const client = new CircleClient({ url: server.url, token: () => undefined, name: () => name, device, socketOptions: { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 200 } });
  const chat = new CircleChat({ client, messageShowMs: 400, reactionShowMs: 300 });
  owned.push(chat, client);
  return { client, chat };
}

describe('circle chat client', () => {
  it('sends, shows briefly, refuses empty and oversize before sending, and gives a late joiner the last messages', async () => {
    const ana = member('Ana');
    expect(await ana.client.start({ projectId: PROJECT_ID, locationId: 'backlot' })).toEqual({ ok: true });
    const code = ana.client.current.view!.code;
    const tv = member('TV', 'tv');
    expect(await tv.client.join(code)).toEqual({ ok: true });

    expect(await ana.chat.say('   ')).toEqual({ ok: false, refusal: { reason: 'empty', message: 'the message is empty' } });
    expect(await ana.chat.say('x'.repeat(CIRCLE_MESSAGE_MAX_LENGTH + 1))).toMatchObject({ ok: false, refusal: { reason: 'too-long' } });
    expect(await ana.chat.say(' Over\nhere ')).toEqual({ ok: true });
    expect(await tv.chat.sayPhrase('thanks')).toEqual({ ok: true });
    expect(await ana.chat.react('wow')).toEqual({ ok: true });
    await waitFor(() => tv.chat.current.messages.length === 2 && tv.chat.current.flashes.some((f) => f.kind === 'reaction'), 3000, 'the TV to hear both');
    expect(tv.chat.current.messages.map((m) => [m.name, m.text ?? m.phrase])).toEqual([
      ['Ana', 'Over here'],
      ['TV', 'thanks'],
    ]);
    expect(tv.chat.current.flashes.find((f) => f.kind === 'reaction')).toMatchObject({ name: 'Ana', reaction: 'wow' });
    // Shown for a few seconds (here shortened), then gone from the view; the messages stay in the list.
    await waitFor(() => tv.chat.current.flashes.length === 0, 3000, 'the flashes to go');
    expect(tv.chat.current.messages).toHaveLength(2);

    const late = member('Cy', 'phone');
    expect(await late.client.join(code)).toEqual({ ok: true });
    await waitFor(() => late.chat.current.messages.length === 2, 3000, 'the late joiner to get the last messages');
    expect(late.chat.current.flashes).toEqual([]);
  });

  it('reports reach the host only; the host removes the message from everyone’s list; a reconnect catches up', async () => {
    const ana = member('Ana');
    await ana.client.start({ projectId: PROJECT_ID, locationId: 'backlot' });
    const code = ana.client.current.view!.code;
    const bo = member('Bo');
    const cy = member('Cy');
    await bo.client.join(code);
    await cy.client.join(code);
    await bo.chat.say('rude words');
    const rude = await waitFor(() => cy.chat.current.messages[0], 3000, 'Cy to see it');
    expect(await cy.chat.report(rude.id)).toEqual({ ok: true });
    const report = await waitFor(() => ana.chat.current.reports[0], 3000, 'the host to get the report');
    expect(report).toMatchObject({ reporterName: 'Cy', message: { id: rude.id, name: 'Bo', text: 'rude words' } });
    expect([bo.chat.current.reports, cy.chat.current.reports]).toEqual([[], []]);

    expect(await ana.chat.remove(rude.id)).toEqual({ ok: true });
    for (const m of [ana, bo, cy]) await waitFor(() => m.chat.current.messages.length === 0, 3000, 'the message to go everywhere');
    expect(ana.chat.current.reports).toEqual([]);

    // Cy drops; Bo speaks meanwhile; back, Cy's list has it.
    cy.client.disconnect();
    await bo.chat.say('while you were out');
    cy.client.reconnect();
    await waitFor(() => cy.chat.current.messages.some((m) => m.text === 'while you were out'), 5000, 'Cy to catch up after the reconnect');
  });
});
