// The feed client against a scripted server: malformed, duplicated, out-of-order and bursty input.
import { afterEach, describe, expect, it } from 'vitest';
import { startFeedClient, type TestFeedClient } from '../helpers/feed-client';
import { eventsReply, milestoneEvent, snapshotReply, startScriptedFeedServer, type ScriptedFeedServer } from '../helpers/scripted-feed-server';
import { waitFor } from '../helpers/wait';

let server: ScriptedFeedServer | undefined;
let client: TestFeedClient | undefined;
afterEach(async () => {
  client?.feed.stop();
  await server?.close();
  client = server = undefined;
});

async function connectedClient(reply?: Parameters<typeof startScriptedFeedServer>[0]) {
  server = await startScriptedFeedServer(reply);
  client = startFeedClient(server.url);
  await waitFor(() => client!.store.getState().feed.data, 5_000, 'first snapshot');
  return { server, client };
}

describe('feed client input handling', () => {
  it('rejects malformed events with a logged reason and leaves the store exactly as it was', async () => {
    const { server, client } = await connectedClient(() => snapshotReply(2));
    const before = client.store.getState();
    server.emit({ type: 'milestone', projectId: 'lantern-keeper', seq: 'three', at: new Date().toISOString() });
    server.emit({ ...milestoneEvent(3), milestone: { kind: 'party' } });
    server.emit('not even an object');
    server.emit({ ...milestoneEvent(3), projectId: 'another-project' });
    await waitFor(() => client.feed.stats.rejected === 4, 2_000, 'four rejections');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.store.getState()).toBe(before);
    const warnings = client.logger.lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(4);
    expect(String(warnings[0]?.details?.reason)).toMatch(/seq: expected number/);
    expect(String(warnings[1]?.details?.reason)).toMatch(/milestone\.id: expected string/);
    expect(String(warnings[1]?.details?.reason)).toMatch(/milestone\.kind: expected one of/);
    // A valid event after the bad ones still applies.
    server.emit(milestoneEvent(3));
    await waitFor(() => client.store.getState().feed.data?.seq === 3, 2_000, 'seq 3');
  });

  it('lets an event of a type it does not know (a newer server’s) keep its place without changing anything', async () => {
    const { server, client } = await connectedClient(() => snapshotReply(2));
    const before = client.store.getState().feed.data;
    server.emit({ type: 'fireworks', projectId: 'lantern-keeper', seq: 3, at: new Date().toISOString(), colour: 'gold' });
    server.emit(milestoneEvent(4));
    await waitFor(() => client.store.getState().feed.data?.seq === 4, 2_000, 'seq 4');
    expect(client.feed.stats.unknownTypes).toBe(1);
    expect(client.feed.stats.gaps).toBe(0);
    expect(client.store.getState().feed.data?.project).toEqual(before?.project);
  });

  it('fills a hole behind a live event that arrived while it was resyncing, though no later event comes', async () => {
    // With several nodes, broadcasts of posts made through different nodes race: here 4 arrives during the resync
    // that 2 started, whose reply stops at 2, and 3 comes after it. Nothing after 4 would ever reveal its hole.
    let release: () => void = () => undefined;
    const { server, client } = await connectedClient((request) => {
      if (request.afterSeq === undefined) return snapshotReply(0);
      if (request.afterSeq === 0) return new Promise((resolve) => (release = () => resolve(eventsReply(1, 2))));
      return eventsReply(request.afterSeq + 1, 4);
    });
    server.emit(milestoneEvent(2)); // a hole at 1: resync after 0, whose reply waits
    await waitFor(() => server.subscribes.length === 2, 2_000, 'the resync request');
    server.emit(milestoneEvent(4)); // held while the resync is in flight
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    server.emit(milestoneEvent(3));
    await waitFor(() => client.store.getState().feed.data?.seq === 4, 5_000, 'seq 4');
    expect(client.store.getState().feed.data?.milestones.map((m) => m.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect(client.feed.stats.rejected).toBe(0);
  });

  it('ignores duplicates and fills a gap by resuming from the last applied sequence', async () => {
    const { server, client } = await connectedClient((request) => (request.afterSeq === undefined ? snapshotReply(1) : eventsReply(request.afterSeq + 1, 4)));
    server.emit(milestoneEvent(2));
    server.emit(milestoneEvent(2));
    server.emit(milestoneEvent(1));
    server.emit(milestoneEvent(4)); // 3 never came: a hole
    await waitFor(() => client.store.getState().feed.data?.seq === 4, 3_000, 'seq 4');
    expect(client.seqs()).toEqual([1, 2, 3, 4]);
    expect(client.feed.stats.duplicates).toBeGreaterThanOrEqual(2);
    expect(client.feed.stats.gaps).toBe(1);
    expect(server.subscribes.at(-1)).toEqual({ projectId: 'lantern-keeper', afterSeq: 2 });
  });

  it('coalesces a burst of events into a few store writes', async () => {
    const { server, client } = await connectedClient();
    const writesBefore = client.feed.stats.storeWrites;
    for (let seq = 1; seq <= 2_000; seq++) server.emit(milestoneEvent(seq));
    await waitFor(() => client.store.getState().feed.data?.seq === 2_000, 5_000, 'all 2000 applied');
    expect(client.feed.stats.applied).toBe(2_000);
    // Socket frames arrive over several macrotasks; what matters is far fewer writes than events.
    expect(client.feed.stats.storeWrites - writesBefore).toBeLessThan(50);
    expect(client.store.getState().feed.data?.milestones).toHaveLength(50);
  });

  it('rejects an invalid subscribe reply and asks again', async () => {
    let calls = 0;
    const { client } = await connectedClient(() => (++calls === 1 ? { ok: true, kind: 'snapshot', snapshot: { seq: -1 } } : snapshotReply(5)));
    expect(client.store.getState().feed.data?.seq).toBe(5);
    expect(client.feed.stats.rejected).toBe(1);
    expect(client.logger.lines.some((l) => l.level === 'warn' && /subscribe reply/.test(l.message))).toBe(true);
  });
});

describe('feed client against a server that replays an event it cannot apply', () => {
  it('keeps what it has and backs off instead of asking again in a loop', async () => {
    const broken = { ...milestoneEvent(2), milestone: { kind: 'party' } };
    const { server, client } = await connectedClient((request) =>
      request.afterSeq === undefined ? snapshotReply(1) : { ok: true, kind: 'events', events: [broken, milestoneEvent(3)] },
    );
    server.emit(milestoneEvent(3)); // reveals the hole at 2
    await waitFor(() => server.subscribes.length >= 2, 2_000, 'a resync');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(server.subscribes.length).toBe(2);
    expect(client.store.getState().feed.data?.seq).toBe(1);
    expect(client.feed.stats.rejected).toBeGreaterThanOrEqual(1);
  });
});
