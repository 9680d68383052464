// Opens "Pair a phone" on the TV (./PairingScreen.tsx) as a lazy chunk: the socket, the QR code library and the
// pairing strings load only when the family picks it, off the first screen's budget.
import { LazyScreen } from '../LazyScreen';

const loadPairingScreen = () => import('./PairingScreen');

export function PairingHost() {
  return (
    <section className="tv-pairing-host" data-screen="pairing">
      <LazyScreen name="pairing" load={loadPairingScreen} props={{}} loading="tv.pairPhone" failed="tv.pairing.failed" />
    </section>
  );
}
