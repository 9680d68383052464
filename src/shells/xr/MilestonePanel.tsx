// The production's status in the world: title, phase, funding, backers, shooting days and the latest three
// milestones, on a 1.5 m panel (placed by WorldPanels). Drawn on a canvas with CJK-capable fonts; redrawn only
// when the store's project data changes (the feed writes at most once per frame, and rarely).
import { useEffect, useMemo } from 'react';
import { useAppState, useI18n } from '../../react/AppContext';
import { layoutMilestonePanel, milestonePanelModel } from '../../xr/panel-layout';
import { useCanvasTexture } from './useCanvasTexture';
import type { XrHook } from './xr-hook';

export const MILESTONE_PANEL_WIDTH_M = 1.5;
/** 16:9, a 1.5 m × 0.84 m panel. */
const CANVAS: [number, number] = [1024, 576];
export const MILESTONE_PANEL_HEIGHT_M = (MILESTONE_PANEL_WIDTH_M * CANVAS[1]) / CANVAS[0];

export function MilestonePanel({ hook }: { hook: XrHook }) {
  const i18n = useI18n();
  const data = useAppState((s) => s.feed.data);
  const model = useMemo(() => milestonePanelModel(data, i18n), [data, i18n]);
  const surface = useCanvasTexture(...CANVAS);
  useEffect(() => hook.registerSurface('milestones', surface), [hook, surface]);
  useEffect(() => {
    surface.paint(layoutMilestonePanel(model, surface.measure, { width: CANVAS[0], height: CANVAS[1], language: i18n.language, loading: i18n.t('project.loading') }));
    hook.countPanelDraw();
  }, [model, surface, i18n, hook]);

  return (
    <mesh renderOrder={2} userData={{ panel: 'milestones' }}>
      <planeGeometry args={[MILESTONE_PANEL_WIDTH_M, MILESTONE_PANEL_HEIGHT_M]} />
      <meshBasicMaterial map={surface.texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
