// The desktop and phone shell: the 360 tour beside the project's live status.
import { ProjectPanel } from './ProjectPanel';
import { TourView } from './TourView';

export default function DesktopShell() {
  return (
    <div className="desktop">
      <main className="desktop__view">
        <TourView />
      </main>
      <ProjectPanel />
    </div>
  );
}
