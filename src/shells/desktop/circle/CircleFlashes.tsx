// What just happened in the circle, over the view for a few seconds: messages and reactions, at the view's left
// edge between the presence compass and the dock, so they never cover the player controls or the panel's buttons
// (they take no pointer events).
import { CIRCLE_REACTION_SHAPES, type ChatSnapshot } from '../../../circles';
import { useI18n } from '../../../react/AppContext';
import { ShapeIcon } from '../../../react/ShapeIcon';
import { circleMessageText } from './circle-text';

export function CircleFlashes({ snapshot }: { snapshot: ChatSnapshot }) {
  const { t } = useI18n();
  if (snapshot.flashes.length === 0) return null;
  return (
    <ol className="circle-flashes" aria-live="polite" data-testid="circle-flashes">
      {snapshot.flashes.map((f) =>
        f.kind === 'message' ? (
          <li key={f.key} className="circle-flashes__item">
            <strong>{f.message.name}</strong> {circleMessageText(t, f.message)}
          </li>
        ) : (
          <li key={f.key} className="circle-flashes__item circle-flashes__item--reaction" data-reaction={f.reaction}>
            <ShapeIcon parts={CIRCLE_REACTION_SHAPES[f.reaction]} className="circle-flashes__glyph" />{' '}
            {t('circle.chat.reactedBy', { name: f.name, reaction: t(`circle.reaction.${f.reaction}`) })}
          </li>
        ),
      )}
    </ol>
  );
}
