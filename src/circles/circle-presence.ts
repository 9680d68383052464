// Presence in a circle, framework-free: tells the circle where this member looks (on a change, at most every
// `sendEveryMs`), keeps where each other member looks (at this member's location; a member gone or offline drops
// out), and "look here": sends it, and holds the latest cue from someone else until it is taken or dismissed.
// Views subscribe to its snapshot; the shell turns its own view when the person takes a cue.
import { CIRCLE_PRESENCE_EVENTS, MemberLook, MemberPointed } from '../protocol/circle';
import type { CircleClient, CircleOutcome } from './circle-client';

export interface Direction {
  yaw: number;
  pitch: number;
}

export interface PresenceLook extends Direction {
  memberId: string;
  name: string;
}

export interface LookCue extends PresenceLook {
  /** Server time it was sent: a new cue has a new `at`. */
  at: number;
}

export interface PresenceSnapshot {
  /** The other members looking at this member's location now, each where they look. */
  looks: readonly PresenceLook[];
  /** The latest "look here" from someone else, until taken or dismissed. */
  cue?: LookCue;
}

export interface CirclePresenceOptions {
  client: CircleClient;
  /** Where this member looks now (degrees, as the view direction). */
  direction: () => Direction;
  /** The location this member's view shows. */
  locationNow: () => string | undefined;
  /** How often the direction is checked, and the least time between two updates sent. */
  sendEveryMs?: number;
  /** A turn smaller than this (degrees) is not sent. */
  minTurnDeg?: number;
}

export class CirclePresence {
  private snapshot: PresenceSnapshot = { looks: [] };
  private readonly listeners = new Set<(s: PresenceSnapshot) => void>();
  private readonly raw = new Map<string, MemberLook>();
  private sent: (Direction & { locationId: string }) | undefined;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly offs: (() => void)[];

  constructor(private readonly options: CirclePresenceOptions) {
    const { client } = options;
    this.offs = [
      client.listen(CIRCLE_PRESENCE_EVENTS.looking, (payload) => {
        const look = MemberLook.safeParse(payload);
        if (!look.success || look.data.circleId !== client.current.view?.id) return;
        this.raw.set(look.data.memberId, look.data);
        this.rebuild();
      }),
      client.listen(CIRCLE_PRESENCE_EVENTS.pointed, (payload) => {
        const pointed = MemberPointed.safeParse(payload);
        const view = client.current.view;
        if (!pointed.success || pointed.data.circleId !== view?.id || pointed.data.memberId === client.current.you) return;
        const member = view.members.find((m) => m.id === pointed.data.memberId);
        // A cue at another location cannot be followed here: the circle moves everyone together, so it is stale.
        if (!member || pointed.data.locationId !== options.locationNow()) return;
        const { yaw, pitch, memberId, at } = pointed.data;
        this.set({ ...this.snapshot, cue: { memberId, name: member.name, yaw, pitch, at } });
      }),
      // Members come, go and drop offline: their markers follow the circle's view.
      client.subscribe(() => this.rebuild()),
    ];
    this.timer = setInterval(() => this.sendLook(), options.sendEveryMs ?? 400);
  }

  get current(): PresenceSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (s: PresenceSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot);
    return () => this.listeners.delete(listener);
  }

  /** "Look here": the others are offered a turn to `at` (a spot a headset's controller points at), by default to where this member looks now. */
  point(at?: Direction): Promise<CircleOutcome> {
    const locationId = this.options.locationNow();
    if (!locationId) return Promise.resolve({ ok: false, refusal: { reason: 'invalid', message: 'nothing on screen to point at' } });
    const { yaw, pitch } = at ?? this.options.direction();
    return this.options.client.request(CIRCLE_PRESENCE_EVENTS.point, { locationId, yaw: round(yaw), pitch: round(pitch) });
  }

  /** The cue was taken or waved away: it goes. */
  dismissCue(): void {
    if (!this.snapshot.cue) return;
    const { cue: _gone, ...rest } = this.snapshot;
    this.set(rest);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.offs.forEach((off) => off());
    this.listeners.clear();
  }

  /** Sends where this member looks when it changed enough (and again after a rejoin or a new location). */
  sendLook(): void {
    const client = this.options.client;
    const locationId = this.options.locationNow();
    if (client.current.status !== 'joined' || !locationId) return void (this.sent = undefined);
    const { yaw, pitch } = this.options.direction();
    const sent = this.sent;
    const minTurn = this.options.minTurnDeg ?? 1;
    if (sent && sent.locationId === locationId && angle(sent.yaw, yaw) < minTurn && Math.abs(sent.pitch - pitch) < minTurn) return;
    this.sent = { yaw, pitch, locationId };
    client.send(CIRCLE_PRESENCE_EVENTS.look, { locationId, yaw: round(yaw), pitch: round(pitch) });
  }

  private rebuild(): void {
    const view = this.options.client.current.view;
    const you = this.options.client.current.you;
    const here = this.options.locationNow();
    const looks: PresenceLook[] = [];
    for (const member of view?.members ?? []) {
      const look = this.raw.get(member.id);
      if (!look || member.id === you || !member.online || look.locationId !== here) continue;
      looks.push({ memberId: member.id, name: member.name, yaw: look.yaw, pitch: look.pitch });
    }
    for (const id of this.raw.keys()) if (!view?.members.some((m) => m.id === id)) this.raw.delete(id);
    if (sameLooks(looks, this.snapshot.looks)) return;
    this.set({ ...this.snapshot, looks });
  }

  private set(snapshot: PresenceSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}

const round = (deg: number) => Math.round(deg * 10) / 10;
/** The angle between two yaws, the short way round (degrees). */
const angle = (a: number, b: number) => Math.abs(((((a - b) % 360) + 540) % 360) - 180);
const sameLooks = (a: readonly PresenceLook[], b: readonly PresenceLook[]) =>
  a.length === b.length && a.every((l, i) => l.memberId === b[i]!.memberId && l.yaw === b[i]!.yaw && l.pitch === b[i]!.pitch && l.name === b[i]!.name);
