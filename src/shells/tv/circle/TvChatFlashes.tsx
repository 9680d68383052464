// What just happened, over the TV's picture for a few seconds: messages and reactions from the circle, reactions
// from the phones paired with this TV, and who turned the view ("look here"). Large enough to read from the sofa,
// in a band of their own at the left (tv-circle.css): under the top captions, above the bottom ones and the
// overlay's bar, so they never cover the controls or the captions. Only the newest that fit the band show: a long
// message pushes the older ones out rather than running into the captions.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { CIRCLE_REACTION_SHAPES, type ChatSnapshot } from '../../../circles';
import type { CircleMessage } from '../../../protocol/circle';
import { PAIRING_REACTION_SHAPES } from '../../../pairing/reaction-shapes';
import { useI18n } from '../../../react/AppContext';
import { ShapeIcon } from '../../../react/ShapeIcon';
import type { PhoneFlash } from './usePhoneReactions';

interface Shown {
  key: string;
  kind: 'message' | 'reaction' | 'notice';
  until: number;
  body: ReactNode;
}

export function TvChatFlashes({ snapshot, phone, notice }: { snapshot: ChatSnapshot; phone: readonly PhoneFlash[]; notice?: string }) {
  const { t } = useI18n();
  const text = (m: CircleMessage) => (m.phrase ? t(`circle.phrase.${m.phrase}`) : (m.text ?? ''));
  const items: Shown[] = [
    ...snapshot.flashes.map<Shown>((f) => ({
      key: f.key,
      kind: f.kind,
      until: f.until,
      body:
        f.kind === 'message' ? (
          <>
            <strong>{f.message.name}</strong> {text(f.message)}
          </>
        ) : (
          <>
            <ShapeIcon parts={CIRCLE_REACTION_SHAPES[f.reaction]} className="tv-flashes__glyph" /> {t('circle.chat.reactedBy', { name: f.name, reaction: t(`circle.reaction.${f.reaction}`) })}
          </>
        ),
    })),
    ...phone.map<Shown>((f) => ({
      key: f.key,
      kind: 'reaction',
      until: f.until,
      body: (
        <>
          <ShapeIcon parts={PAIRING_REACTION_SHAPES[f.reaction.reaction]} className="tv-flashes__glyph" /> {t('circle.chat.reactedBy', { name: f.reaction.phoneName, reaction: t(`pairing.reaction.${f.reaction.reaction}`) })}
        </>
      ),
    })),
  ].sort((a, b) => a.until - b.until);
  if (notice) items.unshift({ key: 'notice', kind: 'notice', until: 0, body: notice });

  const list = useRef<HTMLOListElement>(null);
  const keys = items.map((i) => i.key).join(' ');
  // How many of the newest fit the band, measured with all of them laid out (once per new set of items).
  const [fit, setFit] = useState<{ keys: string; count: number }>();
  const count = fit?.keys === keys ? fit.count : items.length;
  useLayoutEffect(() => {
    const element = list.current;
    if (!element || fit?.keys === keys) return;
    const room = element.clientHeight;
    const heights = Array.from(element.children).map((li) => (li as HTMLElement).offsetHeight + parseFloat(getComputedStyle(li).marginBottom || '0'));
    let used = 0;
    let n = 0;
    for (let i = heights.length - 1; i >= 0 && (n === 0 || used + heights[i]! <= room + 1); i--, n++) used += heights[i]!;
    setFit({ keys, count: n });
  }, [keys, fit]);

  if (items.length === 0) return null;
  return (
    <ol ref={list} className="tv-flashes" aria-live="polite" data-testid="tv-circle-flashes">
      {items.map((item, i) => (
        <li key={item.key} className="tv-flashes__item" data-kind={item.kind} hidden={i < items.length - count}>
          {item.body}
        </li>
      ))}
    </ol>
  );
}
