// What the headset says about its circle, on the flat page and on the panel in the room: every state the circle
// can be in, each saying what is true (the same words the desktop uses), `warn` for the ones that need a look.
import type { CircleSnapshot } from '../../../circles';
import type { CircleRefusalNotice } from '../../../circles/circle-client';
import type { Translator } from '../../../i18n/translator';
import type { CircleView } from '../../../protocol/circle';

export function circleStateText(t: Translator['t'], snapshot: CircleSnapshot): { text: string; warn: boolean } {
  const view = snapshot.view;
  if (snapshot.status === 'refused' && snapshot.refusal) return { text: refusalText(t, snapshot.refusal, view), warn: true };
  if (snapshot.status === 'closed') return { text: t(`circle.closed.${snapshot.closedReason ?? 'left'}`), warn: true };
  if (snapshot.status === 'offline') return { text: t('circle.offline'), warn: true };
  if (snapshot.status !== 'joined' || !view) return { text: t('circle.connecting'), warn: false };
  const host = view.members.find((m) => m.id === view.hostId);
  const waitingFor = view.waiting ? view.members.find((m) => m.id === view.waiting!.memberId) : undefined;
  if (waitingFor) return { text: t('circle.waiting', { name: waitingFor.name }), warn: false };
  if (host && !host.online) return { text: t('circle.hostLeft', { name: host.name }), warn: true };
  if (view.members.length < 2) return { text: t('circle.alone'), warn: false };
  return { text: t(view.playback.playing ? 'circle.playing' : 'circle.paused'), warn: false };
}

export function refusalText(t: Translator['t'], refusal: CircleRefusalNotice, view: CircleView | undefined): string {
  return t(`circle.refused.${refusal.reason}`, { message: refusal.message, max: view?.maxMembers ?? 50 });
}

/** A member's line: device, host, you, offline — as the desktop's list says it. */
export function memberDetail(t: Translator['t'], view: CircleView, memberId: string, you: string | undefined): string {
  const member = view.members.find((m) => m.id === memberId);
  if (!member) return '';
  return [t(`circle.device.${member.device}`), member.id === view.hostId ? t('circle.host') : '', member.id === you ? t('circle.you') : '', member.online ? '' : t('circle.memberOffline')]
    .filter(Boolean)
    .join(' · ');
}
