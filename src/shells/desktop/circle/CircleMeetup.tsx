// The meet-up part of the circle panel: while the circle watches a live meet-up, how far behind live everyone is,
// who cannot follow and why (this member first), and the host's way back to the tour; otherwise, for the host, the
// project's live meet-ups to take the circle to. The server checks each member's own entry; this only shows it.
import { useEffect, useState } from 'react';
import type { CircleClient } from '../../../circles';
import { MeetupApi } from '../../../meetup/meetup-api';
import type { CircleView } from '../../../protocol/circle';
import type { Meetup } from '../../../protocol/meetup';
import { useI18n, useServices } from '../../../react/AppContext';
import { meetupRefusalText } from '../../shared/circle-meetup-text';

export function CircleMeetup({ client, view, you, isHost }: { client: CircleClient; view: CircleView; you: string | undefined; isHost: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const live = view.playback.live;
  const entry = client.meetupEntry();
  const notice = client.current.meetupEntry;
  if (!live) {
    // The server took the circle back because the meet-up ended: everyone reads why they are on the tour again.
    const left = client.current.meetupLeft;
    const ended = left?.circleId === view.id ? (
      <p role="status" className="circle__meetup-ended" data-testid="circle-meetup-ended">
        {t('circle.meetup.ended')}
      </p>
    ) : null;
    return (
      <>
        {ended}
        {isHost && <LiveMeetups client={client} />}
      </>
    );
  }
  const others = notice && notice.meetupId === live.meetupId ? notice.refused.filter((r) => r.memberId !== you) : [];
  return (
    <div className="circle__meetup" data-testid="circle-meetup" data-meetup={live.meetupId}>
      {entry?.kind === 'refused' ? (
        <p role="alert" className="circle__refusal" data-testid="circle-meetup-refused">
          {t('circle.meetup.youBehind', { reason: meetupRefusalText(t, entry.refusal) })}
        </p>
      ) : (
        <p role="status">{t('circle.meetup.watching', { seconds: i18n.number(live.latencyS) })}</p>
      )}
      {others.map((r) => (
        <p key={r.memberId} className="muted" data-testid="circle-meetup-behind">
          {t('circle.meetup.otherBehind', { name: r.name, reason: meetupRefusalText(t, r) })}
        </p>
      ))}
      {isHost && (
        <button type="button" className="button button--small" onClick={() => void client.control({ kind: 'location', locationId: view.playback.locationId, mediaTime: view.playback.mediaTime })}>
          {t('circle.meetup.back')}
        </button>
      )}
    </div>
  );
}

/** The project's live meet-ups, each one a button that takes the circle there (the host's). */
function LiveMeetups({ client }: { client: CircleClient }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { projectId } = useServices();
  const [meetups, setMeetups] = useState<Meetup[]>();
  useEffect(() => {
    let cancelled = false;
    void new MeetupApi('').list(projectId).then((result) => {
      if (!cancelled) setMeetups(result.ok ? result.value.filter((m) => m.state === 'live') : []);
    });
    return () => {
      cancelled = true;
    };
  }, [projectId]);
  if (!meetups) return null;
  return (
    <div className="circle__meetups" data-testid="circle-meetups">
      <h3 className="circle__members-title">{t('circle.meetup.pick')}</h3>
      {meetups.length === 0 && <p className="muted">{t('circle.meetup.none')}</p>}
      {meetups.map((m) => (
        <button key={m.id} type="button" className="button button--small" data-meetup={m.id} onClick={() => void client.control({ kind: 'meetup', meetupId: m.id })}>
          {t('circle.meetup.take', { title: i18n.pick(m.title) })}
        </button>
      ))}
    </div>
  );
}
