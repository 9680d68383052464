// Loads the tour file of the project on screen (null while loading); every shell shows the result its own way.
// With a stored backer code the media pass comes first; a sign-in on the page loads the tour again with it.
import { useEffect, useState } from 'react';
import { browserStorage, createBackerTokenStore, onBackerTokenChange } from '../feed/backer-token-store';
import { loadTour, type TourResult } from '../tour/load-tour';
import { patchTour } from '../store/app-store';
import { useServices } from './AppContext';

const backerCodes = createBackerTokenStore(browserStorage());

export function useProjectTour(): TourResult | null {
  const { projectId, warmStart, store } = useServices();
  const [result, setResult] = useState<TourResult | null>(null);
  const [signIns, setSignIns] = useState(0);
  useEffect(() => onBackerTokenChange(() => setSignIns((n) => n + 1)), []);
  useEffect(() => {
    let current = true;
    void loadTour(projectId, { prefetched: warmStart.takeTour(projectId), code: backerCodes.get() }).then((loaded) => {
      if (!current) return;
      setResult(loaded);
      patchTour(store, { nothingToPlay: loaded.kind !== 'tour' });
    });
    return () => {
      current = false;
    };
  }, [projectId, warmStart, store, signIns]);
  return result;
}
