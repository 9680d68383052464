import { describe, expect, it } from 'vitest';
import { lookKeyOf, mediaCommandOf, runMediaCommand, type PlayableMedia } from '../../../src/shells/tv/watch/remote-commands';
import { remoteActionOf } from '../../../src/tv/remote-keys';

function media(overrides: Partial<PlayableMedia> = {}): PlayableMedia & { plays: number } {
  return {
    paused: false,
    currentTime: 12,
    duration: 30,
    plays: 0,
    play() {
      this.paused = false;
      this.plays++;
      return Promise.resolve(true);
    },
    pause() {
      this.paused = true;
    },
    seek(seconds: number) {
      this.currentTime = seconds;
    },
    ...overrides,
  };
}

describe('watch-the-set remote commands', () => {
  it('maps arrows from any TV (key names, Tizen/webOS key codes) to the look controller keys', () => {
    expect(lookKeyOf(remoteActionOf({ key: 'ArrowLeft' })!)).toBe('ArrowLeft');
    expect(lookKeyOf(remoteActionOf({ key: 'Unidentified', keyCode: 39 })!)).toBe('ArrowRight');
    expect(lookKeyOf(remoteActionOf({ key: 'Up' })!)).toBe('ArrowUp');
    expect(lookKeyOf(remoteActionOf({ keyCode: 40 })!)).toBe('ArrowDown');
    expect(lookKeyOf(remoteActionOf({ key: 'Enter' })!)).toBeNull();
  });

  it('maps the Tizen/webOS media key codes to commands', () => {
    const command = (keyCode: number) => mediaCommandOf(remoteActionOf({ key: 'Unidentified', keyCode })!);
    expect([415, 19, 10252, 413, 412, 417].map(command)).toEqual(['play', 'pause', 'playPause', 'stop', 'rewind', 'fastForward']);
    expect(command(13)).toBeNull();
  });

  it('plays, pauses and toggles', () => {
    const video = media();
    runMediaCommand(video, 'playPause');
    expect(video.paused).toBe(true);
    runMediaCommand(video, 'playPause');
    expect(video.paused).toBe(false);
    runMediaCommand(video, 'pause');
    runMediaCommand(video, 'pause');
    expect(video.paused).toBe(true);
    runMediaCommand(video, 'play');
    expect(video.plays).toBe(2);
  });

  it('seeks ten seconds, staying inside the video', () => {
    const video = media();
    runMediaCommand(video, 'fastForward');
    expect(video.currentTime).toBe(22);
    runMediaCommand(video, 'fastForward');
    expect(video.currentTime).toBe(29.5);
    runMediaCommand(video, 'rewind');
    runMediaCommand(video, 'rewind');
    runMediaCommand(video, 'rewind');
    expect(video.currentTime).toBe(0);
    const live = media({ duration: Infinity, currentTime: 100 });
    runMediaCommand(live, 'fastForward');
    expect(live.currentTime).toBe(110);
  });

  it('stops by pausing at the start', () => {
    const video = media();
    runMediaCommand(video, 'stop');
    expect(video).toMatchObject({ paused: true, currentTime: 0 });
  });
});
