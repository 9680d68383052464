// Opens the star meet-ups on the TV (./MeetupScreen.tsx) as a lazy chunk: the socket to the meet-up room, the 360
// stage and the reaction burst load only when the family picks "Meet-ups".
import { LazyScreen } from '../LazyScreen';

const loadMeetupScreen = () => import('./MeetupScreen');

/** `room`: a meet-up's room is open over the list (the shell's 'meetup' screen); Back closes it. */
export function MeetupHost({ room }: { room: boolean }) {
  return (
    <section className="tv-meetup-host" data-screen="meetups">
      <LazyScreen name="meetup" load={loadMeetupScreen} props={{ room }} loading="meetup.list.loading" failed="tv.meetup.failed" />
    </section>
  );
}
