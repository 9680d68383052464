// Owns the captions of the sample tour: a few WebVTT cues per location, in English and Chinese.
import type { Language } from '../../protocol';

export type SampleLocationId = 'backlot' | 'stage-a' | 'monitor';

interface Cue {
  start: number;
  end: number;
  text: Record<Language, string>;
}

const CUES: Readonly<Record<SampleLocationId, readonly Cue[]>> = {
  backlot: [
    { start: 0.5, end: 3.0, text: { en: 'Backlot — the night-market street, dressed by day', 'zh-CN': '外景街——白天布置好的夜市街' } },
    { start: 3.2, end: 6.0, text: { en: 'The camera dolly rolls along its track to the east', 'zh-CN': '东边的轨道上，摄影车来回推拉' } },
    { start: 6.2, end: 9.6, text: { en: 'Stage A is ahead; the director’s monitor is behind you', 'zh-CN': '正前方是一号棚，导演监视器在你身后' } },
  ],
  'stage-a': [
    { start: 0.5, end: 3.0, text: { en: 'Stage A — scene 45, take 3', 'zh-CN': '一号棚——第 45 场第 3 条' } },
    { start: 3.2, end: 6.0, text: { en: 'The crane swings the camera over the lantern shop', 'zh-CN': '摇臂带着摄影机掠过灯笼铺' } },
    { start: 6.2, end: 9.6, text: { en: 'Quiet, please — we are rolling', 'zh-CN': '请保持安静——正在拍摄' } },
  ],
  monitor: [
    { start: 0.5, end: 3.0, text: { en: 'Video village — the director watches every camera here', 'zh-CN': '监视器区——导演在这里看所有机位' } },
    { start: 3.2, end: 6.0, text: { en: 'CAM A frames the set, CAM B rides the crane', 'zh-CN': 'A 机拍全景，B 机在摇臂上' } },
    { start: 6.2, end: 9.6, text: { en: 'Playback: this morning’s take on the backlot', 'zh-CN': '回放：今早在外景街拍的一条' } },
  ],
};

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** The WebVTT file of one location in one language; cues end before `durationSeconds`. */
export function sampleCaptions(id: SampleLocationId, language: Language, durationSeconds: number): string {
  const cues = CUES[id]
    .filter((cue) => cue.start < durationSeconds)
    .map((cue, i) => `${i + 1}\n${timestamp(cue.start)} --> ${timestamp(Math.min(cue.end, durationSeconds))}\n${cue.text[language]}\n`);
  return `WEBVTT\n\n${cues.join('\n')}`;
}
