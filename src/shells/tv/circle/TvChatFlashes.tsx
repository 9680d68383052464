// Messages and reactions from the circle on the TV, for a few seconds: large enough to read from the sofa, under
// the circle's badge and clear of the controls bar at the bottom.
import { REACTION_GLYPHS, type ChatSnapshot } from '../../../circles';
import type { CircleMessage } from '../../../protocol/circle';
import { useI18n } from '../../../react/AppContext';

export function TvChatFlashes({ snapshot }: { snapshot: ChatSnapshot }) {
  const { t } = useI18n();
  if (snapshot.flashes.length === 0) return null;
  const text = (m: CircleMessage) => (m.phrase ? t(`circle.phrase.${m.phrase}`) : (m.text ?? ''));
  return (
    <ol className="tv-flashes" aria-live="polite" data-testid="tv-circle-flashes">
      {snapshot.flashes.map((f) => (
        <li key={f.key} className="tv-flashes__item" data-kind={f.kind}>
          {f.kind === 'message' ? (
            <>
              <strong>{f.message.name}</strong> {text(f.message)}
            </>
          ) : (
            <>
              <span aria-hidden="true" className="tv-flashes__glyph">
                {REACTION_GLYPHS[f.reaction]}
              </span>{' '}
              {t('circle.chat.reactedBy', { name: f.name, reaction: t(`circle.reaction.${f.reaction}`) })}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
