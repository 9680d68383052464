// Loads the tour file of the project on screen (null while loading); every shell shows the result its own way.
import { useEffect, useState } from 'react';
import { loadTour, type TourResult } from '../tour/load-tour';
import { useServices } from './AppContext';

export function useProjectTour(): TourResult | null {
  const { projectId, warmStart } = useServices();
  const [result, setResult] = useState<TourResult | null>(null);
  useEffect(() => {
    let current = true;
    void loadTour(projectId, warmStart.takeTour(projectId)).then((loaded) => current && setResult(loaded));
    return () => {
      current = false;
    };
  }, [projectId, warmStart]);
  return result;
}
