// The reactions of a live meet-up as focusable buttons, each with the room's total and the remote key that sends it
// too (a colour key, or its number): the colour keys are a shortcut, never the only way.
import { REACTION_KINDS, type ReactionKind } from '../../../protocol/meetup';
import { REACTION_SHAPES } from '../../../meetup/reaction-shapes';
import { useI18n } from '../../../react/AppContext';
import { useMeetupRoom } from '../../../react/useMeetup';
import { useFocusable } from '../useFocusable';
import { colourKeyOf, digitKeyOf } from '../../../tv/meetup';

export function TvReactionsBar({ onReact }: { onReact: (kind: ReactionKind) => void }) {
  const { t } = useI18n();
  const { totals } = useMeetupRoom();
  return (
    // Each button wears its key (a colour dot, a number), as TV apps show colour-key legends; the words go to the label.
    <div className="tv-reactions" role="toolbar" aria-label={`${t('meetup.reactions')}: ${t('tv.meetup.keysHint')}`}>
      {REACTION_KINDS.map((kind) => (
        <ReactionButton key={kind} kind={kind} total={totals[kind] ?? 0} onReact={onReact} />
      ))}
    </div>
  );
}

function ReactionButton({ kind, total, onReact }: { kind: ReactionKind; total: number; onReact: (kind: ReactionKind) => void }) {
  const i18n = useI18n();
  const { props } = useFocusable<HTMLButtonElement>(`meetup-react-${kind}`, { section: 'meetup-reactions', onSelect: () => onReact(kind) });
  const colour = colourKeyOf(kind);
  return (
    <button type="button" className="tv-reactions__button tv-focusable" data-kind={kind} aria-label={i18n.t(`meetup.reaction.${kind}`)} {...props}>
      <svg viewBox="0 0 32 32" className="tv-reactions__shape" aria-hidden="true">
        {REACTION_SHAPES[kind].map((part, i) => (
          <path key={i} d={part.d} fill={part.fill} />
        ))}
      </svg>
      <span className="tv-reactions__count" data-testid={`tv-reaction-total-${kind}`}>
        {i18n.number(total)}
      </span>
      <span className="tv-reactions__key" aria-hidden="true">
        {colour && <span className={`tv-reactions__dot tv-reactions__dot--${colour}`} />}
        {digitKeyOf(kind)}
      </span>
    </button>
  );
}
