// What the XR shell tells browser tests (and a stats overlay) about the headset view, hung on
// `window.__setvisit.xr` beside the store and feed: main.tsx creates `__setvisit`, this extends it. Plain fields,
// written by the scene as things happen; it exposes nothing the page does not already own.
import type { VideoPath } from '../../xr/video-path';
import type { CanvasSurface } from './useCanvasTexture';

export interface GazeReport {
  /** What the head ray rests on (`<location>:<hotspot index>`), or null. */
  target: string | null;
  /** How far the dwell on it has come, 0…1. */
  progress: number;
}

export interface LocationListReport {
  /**
   * Each row of the page on show, and the pager's buttons ('‹previous', '›next') where they lead somewhere: its
   * centre as seen from the head this frame (yaw/pitch in degrees, as in the tour file).
   */
  entries: { id: string; yaw: number; pitch: number }[];
  /** The page on show (0-based) and how many there are. */
  page: number;
  pages: number;
  /** The row a ray or the gaze rests on, or null. */
  highlighted: string | null;
  gaze: GazeReport;
}

export interface ToastReport {
  /** Whether the toast is on show (fading in or out counts). */
  visible: boolean;
  /** What it says, '' before the first one. */
  text: string;
  /** How often its canvas has been drawn. */
  draws: number;
}

/** A selectable place on a panel as seen from the head this frame (yaw/pitch in degrees, as in the tour file). */
export interface AimPoint {
  id: string;
  yaw: number;
  pitch: number;
}

export interface MeetupReport {
  /** Where the question board's and the palette's targets are ('upvote:<id>', 'ask:<key>', 'react:<kind>'). */
  targets: AimPoint[];
  /** What the board shows now: the spotlighted question's text, the open questions' ids in order. */
  spotlight: string | null;
  questions: string[];
  /** The audience and latency line the board shows ("2 watching · 3.1 s behind live"). */
  facts: string;
  boardDraws: number;
  /** The target a pointer rests on, on the board or the palette. */
  highlighted: string | null;
  /** Where the palette is: on the left hand or controller ('hand'), or beside the board ('room', no left input). */
  palette: 'hand' | 'room' | null;
  /** Reactions this page sent from the palette (each then coalesced by the meet-up client), per kind. */
  sent: Record<string, number>;
  /** The world-space burst: particles alive now, and spawned since the page loaded. */
  burst: { alive: number; spawned: number };
  /** The refusal shown in VR, '' when none. */
  refusal: string;
}

/** The notice in the room about the footage on show. */
export interface MediaNoticeReport {
  /** '' when none; 'stall': a stall and its cause; 'error': why the footage stopped (a refusal's reason included);
   * 'lock': the tier that opens a location the viewer tried to enter. */
  kind: '' | 'stall' | 'error' | 'lock';
  /** What it says, title and lines joined. */
  text: string;
  /** Where it hangs, degrees of yaw: where the head looked when it opened. */
  yaw: number;
  /** Whether selecting it retries. */
  retry: boolean;
}

export class XrHook {
  /** Which way the video reaches the eyes in the running session; null outside a session. */
  path: VideoPath | null = null;
  presenting = false;
  /** XR frames drawn since the page loaded. */
  frames = 0;
  /** Views in the last frame's viewer pose (2 in a headset). */
  views = 0;
  /** three.js draw calls and triangles of the last frame, both eyes together. */
  drawCalls = 0;
  triangles = 0;
  /** Media layers in the last frame's render state (besides the WebGL scene's own layer). */
  mediaLayers = 0;
  gaze: GazeReport = { target: null, progress: 0 };
  /** The caption on screen, '' when none. */
  caption = '';
  /** How often the milestone panel has been drawn (only when the project data changes). */
  panelDraws = 0;
  /** Where the lazily following milestone panel is, degrees of yaw. */
  panelYaw = 0;
  /** Which way the head faces, degrees of yaw (a location change must not turn it). */
  headYaw = 0;
  locationList: LocationListReport = { entries: [], page: 0, pages: 1, highlighted: null, gaze: { target: null, progress: 0 } };
  toast: ToastReport = { visible: false, text: '', draws: 0 };
  mediaNotice: MediaNoticeReport = { kind: '', text: '', yaw: 0, retry: false };
  meetup: MeetupReport = { targets: [], spotlight: null, questions: [], facts: '', boardDraws: 0, highlighted: null, palette: null, sent: {}, burst: { alive: 0, spawned: 0 }, refusal: '' };
  private readonly surfaces = new Map<string, CanvasSurface>();
  private readonly aimPoints = new Map<string, AimPoint[]>();
  private currentSession: XRSession | null = null;

  /** Hangs this hook on `window.__setvisit` (created if missing, keeping what is there); returns the undo. */
  attach(): () => void {
    const globals = window as unknown as { __setvisit?: Record<string, unknown> };
    globals.__setvisit ??= {};
    const host = globals.__setvisit;
    host.xr = this;
    return () => {
      if (host.xr === this) delete host.xr;
    };
  }

  session(): XRSession | null {
    return this.currentSession;
  }

  /** The plain fields, for tests reading the hook out of the page. */
  toJSON(): Pick<XrHook, 'path' | 'presenting' | 'frames' | 'views' | 'drawCalls' | 'triangles' | 'mediaLayers' | 'gaze' | 'caption' | 'panelDraws' | 'panelYaw' | 'headYaw' | 'locationList' | 'toast' | 'mediaNotice' | 'meetup'> {
    const { path, presenting, frames, views, drawCalls, triangles, mediaLayers, gaze, caption, panelDraws, panelYaw, headYaw, locationList, toast, mediaNotice, meetup } = this;
    return { path, presenting, frames, views, drawCalls, triangles, mediaLayers, gaze, caption, panelDraws, panelYaw, headYaw, locationList, toast, mediaNotice, meetup: { ...meetup, targets: [...this.aimPoints.values()].flat() } };
  }

  /** Part of the meet-up report changed (targets are replaced per source: the board's, the palette's). */
  setMeetup(report: Partial<MeetupReport>): void {
    this.meetup = { ...this.meetup, ...report };
  }

  /** Where a panel's (`source`: 'board', 'palette') targets are this frame; [] when it goes. */
  setAimPoints(source: string, points: AimPoint[]): void {
    this.aimPoints.set(source, points);
  }

  countReactionSent(kind: string): void {
    this.meetup = { ...this.meetup, sent: { ...this.meetup.sent, [kind]: (this.meetup.sent[kind] ?? 0) + 1 } };
  }

  /** Lets tests look at what a canvas-drawn surface ('toast', 'locations', 'milestones') shows. */
  registerSurface(name: string, surface: CanvasSurface): () => void {
    this.surfaces.set(name, surface);
    return () => {
      if (this.surfaces.get(name) === surface) this.surfaces.delete(name);
    };
  }

  /** A PNG data URL of a registered surface's canvas, or null. */
  surfacePng(name: string): string | null {
    return this.surfaces.get(name)?.toDataUrl() ?? null;
  }

  setSession(session: XRSession | null, path: VideoPath | null): void {
    this.currentSession = session;
    this.presenting = session !== null;
    this.path = session ? path : null;
  }

  recordFrame(views: number, drawCalls: number, triangles: number, mediaLayers: number): void {
    this.frames++;
    this.views = views;
    this.drawCalls = drawCalls;
    this.triangles = triangles;
    this.mediaLayers = mediaLayers;
  }

  setGaze(report: GazeReport): void {
    this.gaze = report;
  }

  setCaption(text: string): void {
    this.caption = text;
  }

  countPanelDraw(): void {
    this.panelDraws++;
  }

  setPanelYaw(yaw: number): void {
    this.panelYaw = yaw;
  }

  setHeadYaw(yaw: number): void {
    this.headYaw = yaw;
  }

  setLocationList(report: Partial<LocationListReport>): void {
    this.locationList = { ...this.locationList, ...report };
  }

  /** A new toast was drawn. */
  countToastDraw(text: string): void {
    this.toast = { visible: true, text, draws: this.toast.draws + 1 };
  }

  setMediaNotice(report: MediaNoticeReport): void {
    this.mediaNotice = report;
  }

  setToastVisible(visible: boolean): void {
    if (this.toast.visible !== visible) this.toast = { ...this.toast, visible };
  }
}
