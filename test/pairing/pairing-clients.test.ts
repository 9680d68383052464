// The two pairing clients against the real server over real sockets: a TV whose connection drops comes back to
// the same pairing (same code, same phones), and so does a screen opened again with the kept key; a phone whose
// connection drops comes back as the same phone; a phone's backer code reaches the TV's sign-in; a TV whose
// pairing expired gets a new code when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhonePairing, TvPairing, type TvPairingKept } from '../../src/pairing';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
let shortLived: TestServer;
const owned: { dispose(): void }[] = [];
const socketOptions = { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200 };

beforeAll(async () => {
  server = await startTestServer({ pairingLimits: { enterRateLimit: { perSecond: 1000, burst: 1000 } } });
  shortLived = await startTestServer({ pairingLimits: { lifetimeMs: 500, expirySweepMs: 100, enterRateLimit: { perSecond: 1000, burst: 1000 } } });
});
afterAll(async () => {
  for (const o of owned) o.dispose();
  await server?.dispose();
  await shortLived?.dispose();
});

function tv(url: string, signIns: string[] = [], kept?: TvPairingKept, onKept?: (k: TvPairingKept | undefined) => void): TvPairing {
  const client = new TvPairing({ url, projectId: PROJECT_ID, tvName: 'TV', onSignIn: (token) => signIns.push(token), kept, onKept, socketOptions });
  owned.push(client);
  client.start();
  return client;
}
function phone(url: string): PhonePairing {
  const client = new PhonePairing({ url, name: () => 'Mei', socketOptions });
  owned.push(client);
  return client;
}
const socketOf = (client: object) => (client as unknown as { socket: { io: { engine: { close(): void } } } }).socket;

describe('pairing clients', () => {
  it('come back as themselves after a dropped connection, and the backer code reaches the TV’s sign-in', async () => {
    const signIns: string[] = [];
    let kept: TvPairingKept | undefined;
    const set = tv(server.url, signIns, undefined, (k) => (kept = k));
    await waitFor(() => set.current.status === 'showing');
    const code = set.current.view!.code;
    const mei = phone(server.url);
    expect(await mei.pair(code)).toBe(true);
    await waitFor(() => set.current.view?.phones[0]?.online === true);

    // Both connections drop (a Wi-Fi handover): both come back to the same pairing, the phone as the same phone.
    socketOf(set).io.engine.close();
    socketOf(mei).io.engine.close();
    await waitFor(() => set.current.status === 'offline' || set.current.status === 'connecting', 2_000).catch(() => undefined);
    await waitFor(() => set.current.status === 'showing' && mei.current.status === 'paired' && set.current.view?.phones[0]?.online === true, 10_000);
    expect(set.current.view!.code).toBe(code);
    expect(set.current.view!.phones.length).toBe(1);

    await mei.sendBackerCode('demo-supporter');
    expect(mei.current.backer).toEqual({ status: 'accepted', tier: 'supporter' });
    await waitFor(() => signIns.length === 1);
    expect(signIns).toEqual(['demo-supporter']);
    expect(set.current.signedIn).toEqual({ tier: 'supporter', phoneName: 'Mei' });
    expect(await mei.react('laugh')).toBe(true);
    await waitFor(() => set.current.reactions.length === 1);

    // The screen closed and opened again: the kept key shows the same code to the same phone.
    set.dispose();
    const again = tv(server.url, [], kept);
    await waitFor(() => again.current.status === 'showing');
    expect(again.current.view!.code).toBe(code);

    // Ending the pairing from the TV closes it on the phone.
    expect(await again.revoke()).toBeUndefined();
    await waitFor(() => mei.current.status === 'closed');
    expect(mei.current.closedReason).toBe('revoked');
    expect(again.current.status).toBe('ended');
  });

  it('a wrong code is refused with its reason; an expired pairing ends on both, and the TV gets a new code', async () => {
    const mei = phone(shortLived.url);
    expect(await mei.pair('ZZZ-ZZZ')).toBe(false);
    expect(mei.current).toMatchObject({ status: 'refused', refusal: { reason: 'unknown-code' } });

    const set = tv(shortLived.url);
    await waitFor(() => set.current.status === 'showing');
    const first = set.current.view!.code;
    expect(await mei.pair(first)).toBe(true);
    await waitFor(() => set.current.status === 'ended' && mei.current.status === 'closed', 5_000);
    expect(set.current.endedReason).toBe('expired');
    expect(mei.current.closedReason).toBe('expired');
    set.start();
    await waitFor(() => set.current.status === 'showing');
    expect(set.current.view!.code).not.toBe(first);
  });
});
