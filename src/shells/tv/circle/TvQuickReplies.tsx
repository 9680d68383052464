// The TV's side of the circle's talk: a remote has no keyboard, so it answers with quick replies (the reactions and
// a few short phrases, each member reading them in their own language). They are a row of the watch overlay (under
// its buttons: see circle-row.tsx), in its focus section, so the D-pad reaches them in order like any other row.
import { useState, type ReactNode } from 'react';
import { CIRCLE_PHRASES, CIRCLE_REACTIONS } from '../../../protocol/circle';
import { CIRCLE_REACTION_SHAPES, type CircleChat, type CircleOutcome } from '../../../circles';
import { useI18n } from '../../../react/AppContext';
import { ShapeIcon } from '../../../react/ShapeIcon';
import { useFocusable } from '../useFocusable';
import { WATCH_OVERLAY } from '../watch/focus-ids';

export const QUICK_FOCUS = (id: string) => `circle-quick-${id}`;

export function TvQuickReplies({ chat, onRefused, onLeave, problem }: { chat: CircleChat; onRefused: (outcome: Extract<CircleOutcome, { ok: false }>) => void; onLeave: () => void; problem?: string }) {
  const { t } = useI18n();
  const [sent, setSent] = useState<string>();
  const done = (label: string) => (outcome: CircleOutcome) => (outcome.ok ? setSent(label) : onRefused(outcome));
  return (
    <div className="tv-quick" role="group" aria-label={t('circle.tvQuickTitle')} data-testid="tv-quick-replies">
      <span className="tv-quick__title">{t('circle.tvQuickTitle')}</span>
      {CIRCLE_REACTIONS.map((reaction) => (
        // The word beside the shape: a picture alone is a riddle from the sofa.
        <QuickButton key={reaction} id={reaction} onSelect={() => void chat.react(reaction).then(done(t(`circle.reaction.${reaction}`)))}>
          <ShapeIcon parts={CIRCLE_REACTION_SHAPES[reaction]} className="tv-quick__glyph" />{' '}
          {t(`circle.reaction.${reaction}`)}
        </QuickButton>
      ))}
      {CIRCLE_PHRASES.map((phrase) => (
        <QuickButton key={phrase} id={phrase} onSelect={() => void chat.sayPhrase(phrase).then(done(t(`circle.phrase.${phrase}`)))}>
          {t(`circle.phrase.${phrase}`)}
        </QuickButton>
      ))}
      <QuickButton id="leave" onSelect={onLeave}>
        {t('circle.leave')}
      </QuickButton>
      {problem ? (
        <span role="alert" className="tv-quick__sent" data-tone="warn">
          {problem}
        </span>
      ) : (
        sent && (
          <span role="status" className="tv-quick__sent">
            ✓ {sent}
          </span>
        )
      )}
    </div>
  );
}

export function QuickButton({ id, onSelect, children }: { id: string; onSelect: () => void; children: ReactNode }) {
  const focus = useFocusable<HTMLButtonElement>(QUICK_FOCUS(id), { section: WATCH_OVERLAY, onSelect });
  return (
    <button type="button" className="watch-button tv-quick__button" {...focus.props}>
      {children}
    </button>
  );
}
