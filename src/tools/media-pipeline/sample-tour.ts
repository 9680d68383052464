// Owns the sample tour file (scenes/lantern-keeper.json): the three sample locations linked by hotspots.
import { describeIssues, summarizeIssues } from '../../protocol';
import { Tour, type Hotspot, type TourLocation } from '../../protocol/tour-schema';
import { apparentDirection, type Vec3 } from './equirect';
import { EXIT_SIGNS } from './monitor-scene';
import type { SampleLocationId } from './sample-captions';
import { SET_AREAS } from './set-layout';
import { STAGE_A_SIGNS } from './stage-a-scene';

export const SAMPLE_DURATION_SECONDS = 10;

/** The names the sample locations are imported with (`--name-en`, `--name-zh`). */
export const SAMPLE_NAMES: Readonly<Record<SampleLocationId, { en: string; 'zh-CN': string }>> = {
  backlot: { en: 'Backlot, night-market street', 'zh-CN': '外景街·夜市' },
  'stage-a': { en: 'Stage A, the lantern shop', 'zh-CN': '一号棚·灯笼铺' },
  monitor: { en: 'Video village', 'zh-CN': '监视器区' },
};

/** Where a painted sign sits, as a visitor (centre of the head) looks at it; a little above its middle. */
function towards(point: Vec3, raise = 0): { yaw: number; pitch: number } {
  const { yawDeg, pitchDeg } = apparentDirection(point, 'mono');
  return { yaw: Math.round(yawDeg), pitch: Math.round(pitchDeg + raise) };
}

const area = (id: 'N' | 'S'): number => SET_AREAS.find((a) => a.id === id)?.yawDeg ?? 0;

/** Each location's hotspots, on the set areas and signs drawn in its footage. */
export function sampleHotspots(): Record<SampleLocationId, Hotspot[]> {
  return {
    backlot: [
      // The backlot's labels stand on the horizon band (pitch 4.5°–16°), REC at 25°: the hotspots sit above.
      { target: 'stage-a', yaw: area('N'), pitch: 30, label: { en: 'Stage A — scene 45', 'zh-CN': '一号棚——第 45 场' } },
      { target: 'monitor', yaw: area('S'), pitch: 26, label: { en: 'Video village — the director’s monitors', 'zh-CN': '监视器区——导演监视器' } },
    ],
    'stage-a': [
      { target: 'backlot', ...towards(STAGE_A_SIGNS.backlot.point, -4), label: { en: 'Out to the backlot', 'zh-CN': '出去到外景街' } },
      { target: 'monitor', ...towards(STAGE_A_SIGNS.monitor.point, -4), label: { en: 'Video village', 'zh-CN': '监视器区' } },
      // Only while the take is rolling: a pointer to where it can be watched.
      {
        target: 'monitor',
        ...towards(STAGE_A_SIGNS.set.point, 6),
        label: { en: 'Scene 45 is shooting here — watch it on the monitors', 'zh-CN': '第 45 场正在这里拍摄——去监视器看' },
        start: 2,
        end: 7,
      },
    ],
    monitor: [
      { target: 'backlot', ...towards(EXIT_SIGNS.backlot.point, 5), label: { en: 'To the backlot', 'zh-CN': '去外景街' } },
      { target: 'stage-a', ...towards(EXIT_SIGNS.stageA.point, 5), label: { en: 'Back to Stage A', 'zh-CN': '回到一号棚' } },
    ],
  };
}

export interface SampleTourBase {
  id: string;
  projectId: string;
  title: { en?: string; 'zh-CN'?: string };
}

/** The tour: the stubs the pipeline wrote, in tour order, with hotspots; checked with the real `Tour` schema. */
export function buildSampleTour(base: SampleTourBase, stubs: Record<SampleLocationId, TourLocation>): Tour {
  const hotspots = sampleHotspots();
  const order: SampleLocationId[] = ['backlot', 'stage-a', 'monitor'];
  const tour = {
    $schema: './tour.schema.json',
    id: base.id,
    projectId: base.projectId,
    title: base.title,
    start: 'backlot',
    // The director's monitors are a backers' perk: the demo's lock and its supporter code open it.
    locations: order.map((id) => ({ ...stubs[id], hotspots: hotspots[id], ...(id === 'monitor' ? { tier: 'supporter' as const } : {}) })),
  };
  const parsed = Tour.safeParse(tour);
  if (!parsed.success) throw new Error(`the sample tour is not valid: ${summarizeIssues(describeIssues(parsed.error))}`);
  // Write what was built (not the parsed copy): same content, our key order.
  return tour;
}
