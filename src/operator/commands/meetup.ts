// `meetup revoke-key <id>`: the host revokes a meet-up's stream key (a link leaked): the old path and every pass made
// for it stop working at once, and the room is given the new one, so the audience's pages play on.
import { MeetupId } from '../../protocol/meetup';
import { UsageError } from '../errors';
import type { Command } from './types';

export const meetupRevokeKey: Command = {
  words: ['meetup', 'revoke-key'],
  args: ['<id>'],
  summary: 'revoke a meet-up’s stream key: links and passes made of it stop working; the audience gets a new one',
  flags: [],
  projectScoped: false,
  keyed: false,
  example: 'meetup revoke-key lantern-keeper-meetup',
  async run(ctx) {
    const [raw] = ctx.args;
    const id = MeetupId.safeParse(raw);
    if (raw === undefined || !id.success) throw new UsageError(`meetup revoke-key: give the meet-up's id${raw === undefined ? '' : ` ("${raw}" is not one)`}`);
    const answer = await ctx.api().post(`api/meetups/${encodeURIComponent(id.data)}/stream-key/revoke`, {});
    ctx.output.out(ctx.json ? answer.text : `Revoked the stream key of ${id.data}: the old links and passes are refused; the audience's pages fetch a new pass.`);
  },
};
