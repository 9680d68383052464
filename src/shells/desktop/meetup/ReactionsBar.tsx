// The reactions bar of a live meet-up: one button per kind with the room's total. A tap shows at once and is
// sent with the frame's other taps (the client coalesces); the server's refusal (e.g. too fast) shows below.
import type { RefObject } from 'react';
import { REACTION_KINDS } from '../../../protocol/meetup';
import type { ReactionBurst } from '../../../meetup/reaction-burst';
import { REACTION_SHAPES } from '../../../meetup/reaction-shapes';
import { useI18n } from '../../../react/AppContext';
import { useMeetupRoom, useMeetupServices } from '../../../react/useMeetup';
import { showOwnReaction } from '../../../react/ReactionCanvas';

export function ReactionsBar({ burst }: { burst: RefObject<ReactionBurst | null> }) {
  const i18n = useI18n();
  const { client } = useMeetupServices();
  const { totals } = useMeetupRoom();
  return (
    <div className="reactions" role="toolbar" aria-label={i18n.t('meetup.reactions')}>
      {REACTION_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="reactions__button"
          data-kind={kind}
          aria-label={i18n.t(`meetup.reaction.${kind}`)}
          onClick={() => client.react(kind) && showOwnReaction(burst.current, kind)}
        >
          <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
            {REACTION_SHAPES[kind].map((part, i) => (
              <path key={i} d={part.d} fill={part.fill} />
            ))}
          </svg>
          <span className="reactions__count" data-testid={`reaction-total-${kind}`}>
            {i18n.number(totals[kind] ?? 0)}
          </span>
        </button>
      ))}
    </div>
  );
}
