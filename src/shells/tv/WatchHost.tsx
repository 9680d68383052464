// Opens "Watch the set" (./watch/WatchScreen.tsx) as a lazy chunk: three.js, R3F and hls.js load only here.
import { LazyScreen } from './LazyScreen';

const loadWatchScreen = () => import('./watch/WatchScreen');

export function WatchHost() {
  return (
    <section className="tv-watch" data-screen="watch">
      <LazyScreen name="watch" load={loadWatchScreen} props={{}} loading="tv.watch.loading" failed="tv.watch.failed" />
    </section>
  );
}
