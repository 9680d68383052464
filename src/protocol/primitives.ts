// The small shared shapes every payload is built from: ids, counts, times, text in the UI languages.
import * as z from 'zod/mini';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

const shortText = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const longText = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

/** Text in the UI languages; at least one must be given, the client falls back to the other. */
export const LocalizedText = z.strictObject({ en: z.optional(shortText), 'zh-CN': z.optional(shortText) }).check(
  z.refine((text) => text.en !== undefined || text['zh-CN'] !== undefined, { message: 'give at least one of en, zh-CN' }),
);
export type LocalizedText = z.infer<typeof LocalizedText>;

export const LocalizedLongText = z.strictObject({ en: z.optional(longText), 'zh-CN': z.optional(longText) }).check(
  z.refine((text) => text.en !== undefined || text['zh-CN'] !== undefined, { message: 'give at least one of en, zh-CN' }),
);

/** Localized text as the feed carries it: tolerant, since the server validated it on the way in. */
export const StoredText = z.object({ en: z.optional(z.string()), 'zh-CN': z.optional(z.string()) });

export const ProjectId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes, at most 64'));

export const count = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));
/** Sequence numbers start at 1 for a project's first event; 0 means "nothing yet". */
export const sequence = count;
export const isoTime = z.iso.datetime({ offset: true });
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY'));
