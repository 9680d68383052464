// What the headset's circle tells browser tests, hung on `window.__setvisit.xrCircle` beside the XR hook: plain
// fields written by the circle's parts in the room as things happen. It exposes nothing the page does not show.
import type { AimPoint } from '../xr-hook';

export interface MarkerReport {
  memberId: string;
  name: string;
  yaw: number;
  pitch: number;
  /** Seen within the view now; otherwise its arrow shows at the edge. */
  inView: boolean;
}

export interface CueReport {
  name: string;
  yaw: number;
  pitch: number;
  inView: boolean;
  /** Degrees between where the head looks and the cue's spot. */
  offDeg: number;
}

export class XrCircleReport {
  markers: MarkerReport[] = [];
  /** The "look here" from someone else on show, or null. */
  cue: CueReport | null = null;
  /** Cues reached by turning the head to them. */
  cuesTaken = 0;
  /** "Look here" sent from this headset's controller: where, and what the circle answered. */
  pointed: { yaw: number; pitch: number; ok: boolean; text: string }[] = [];
  /** The panel's state line, its members' names, and where its targets are as seen from the head. */
  panel: { state: string; members: string[]; targets: AimPoint[]; draws: number } = { state: '', members: [], targets: [], draws: 0 };

  attach(): () => void {
    const globals = window as unknown as { __setvisit?: Record<string, unknown> };
    globals.__setvisit ??= {};
    const host = globals.__setvisit;
    host.xrCircle = this;
    return () => {
      if (host.xrCircle === this) delete host.xrCircle;
    };
  }

  setMarker(report: MarkerReport): void {
    const i = this.markers.findIndex((m) => m.memberId === report.memberId);
    if (i < 0) this.markers = [...this.markers, report];
    else if (!sameMarker(this.markers[i]!, report)) this.markers = this.markers.map((m, j) => (j === i ? report : m));
  }

  setCue(cue: CueReport | null): void {
    this.cue = cue;
  }

  countCueTaken(): void {
    this.cuesTaken++;
  }

  addPointed(pointed: XrCircleReport['pointed'][number]): void {
    this.pointed = [...this.pointed, pointed];
  }

  /** The panel was drawn with this state line and these members. */
  panelDrawn(state: string, members: string[]): void {
    this.panel = { ...this.panel, state, members, draws: this.panel.draws + 1 };
  }

  setPanelTargets(targets: AimPoint[]): void {
    this.panel.targets = targets;
  }

  dropMarker(memberId: string): void {
    this.markers = this.markers.filter((m) => m.memberId !== memberId);
  }
}

const sameMarker = (a: MarkerReport, b: MarkerReport) => a.name === b.name && a.yaw === b.yaw && a.pitch === b.pitch && a.inView === b.inView;
