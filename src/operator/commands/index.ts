// Every command the CLI knows, in the order the usage text lists them.
import { meetupRevokeKey } from './meetup';
import { milestoneAdd } from './milestone';
import { eventsList, projectShow } from './project-read';
import { daysSet, fundingSet, phaseSet, projectEdit } from './project-updates';
import { tokenAdd, tokenList, tokenReissue, tokenRevoke } from './token';
import type { Command } from './types';

export const COMMANDS: readonly Command[] = [milestoneAdd, fundingSet, phaseSet, daysSet, projectEdit, projectShow, eventsList, tokenAdd, tokenList, tokenRevoke, tokenReissue, meetupRevokeKey];

export function findCommand(first: string | undefined, second: string | undefined): Command | undefined {
  return COMMANDS.find((c) => c.words[0] === first && c.words[1] === second);
}
