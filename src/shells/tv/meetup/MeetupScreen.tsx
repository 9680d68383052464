// Star meet-ups on the TV, remote only (the lazy chunk MeetupHost opens): the project's meet-ups, and one opened over
// them as the shell's 'meetup' screen, so Back (a key, or history on webOS) closes the room before it leaves the list.
// One meet-up client (one socket) for as long as the screen is open; the backer's code comes from Web Storage, as the
// desktop sign-in keeps it, and is read again at every connect.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { browserStorage, createBackerTokenStore } from '../../../feed/backer-token-store';
import { addMessages } from '../../../i18n/translator';
import { TV_MEETUP_MESSAGES } from '../../../i18n/tv-meetup';
import { MeetupProvider, useMeetupList } from '../../../react/useMeetup';
import { useServices } from '../../../react/AppContext';
import { useTvShell } from '../TvShellContext';
import { tvCircleHost } from '../circle/tv-circle-host';
import { TvMeetupList } from './TvMeetupList';
import { TvMeetupRoom } from './TvMeetupRoom';
import '../watch/watch.css';
import './tv-meetup.css';

// The meet-up screen's strings come with its chunk, before anything of it renders (off the first screen's budget).
addMessages(TV_MEETUP_MESSAGES);

const backerTokens = createBackerTokenStore(browserStorage());
const readBackerToken = () => backerTokens.get();

export default function MeetupScreen({ room }: { room: boolean }) {
  return (
    <MeetupProvider token={readBackerToken}>
      <MeetupSection room={room} />
    </MeetupProvider>
  );
}

function MeetupSection({ room }: { room: boolean }) {
  const shell = useTvShell();
  const { projectId } = useServices();
  // The list stays loaded under the room, so Back finds its cards (and the focus its card) at once.
  const [list, reload] = useMeetupList(projectId);
  const [picked, setOpenId] = useState<string | null>(null);
  // A circle that took this TV to a meet-up opens that one's room (the shell's 'meetup' screen was opened for it).
  const circleMeetup = useSyncExternalStore(tvCircleHost.subscribe, tvCircleHost.meetup);
  const openId = circleMeetup ?? picked;
  // The circle left the meet-up it brought this TV to: back to the watch screen the room was opened over.
  useEffect(() => tvCircleHost.subscribe((id) => (id === undefined ? shell.back() : undefined)), [shell]);
  const open = useCallback(
    (meetupId: string) => {
      setOpenId(meetupId);
      shell.open('meetup');
    },
    [shell],
  );
  return (
    <div className="tv-meetup" data-testid="tv-meetup-screen">
      {room && openId ? <TvMeetupRoom key={openId} meetupId={openId} /> : <TvMeetupList list={list} onOpen={open} onRetry={reload} />}
    </div>
  );
}
