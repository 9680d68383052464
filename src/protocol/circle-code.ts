// Invite codes: short enough to read off a TV and type on a remote, with no characters that look alike
// (no 0/O, 1/I/L), so a code read aloud or from a screen is typed right the first time.

/** Digits and capitals without 0, 1, I, L and O: 31 characters. */
export const CIRCLE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^8 ≈ 8.5 × 10¹¹ codes: guessing one at the join limit would take longer than any circle lives. */
export const CIRCLE_CODE_LENGTH = 8;

/** The code as stored: capitals, without the spaces and dashes people type or the display adds. */
export function normalizeCircleCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** ABCD-EFGH: two groups of four, as screens show it and people read it out. */
export function formatCircleCode(code: string): string {
  const plain = normalizeCircleCode(code);
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

/**
 * The invite link: the code in the fragment, which browsers never send to a server (so it is in no request
 * log); it opens nothing by itself — joining still takes the member's own access to the project.
 */
export function circleInviteLink(origin: string, projectId: string, code: string): string {
  return `${origin}/?project=${encodeURIComponent(projectId)}#circle=${formatCircleCode(code)}`;
}

/** The code in an invite link's fragment (`#circle=ABCD-EFGH`), or undefined. */
export function circleCodeFromHash(hash: string): string | undefined {
  const match = /(?:^#|&)circle=([A-Za-z0-9-]{8,12})(?:&|$)/.exec(hash);
  return match ? normalizeCircleCode(match[1]!) : undefined;
}
