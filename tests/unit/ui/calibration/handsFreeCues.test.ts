import { describe, expect, it } from 'vitest';
import { LocalSpeech } from '../../../../src/audio/localSpeech';
import type { Effect } from '../../../../src/audio/soundEngine';
import {
  PlayerCues,
  POSE_TONES,
  type CueSound,
} from '../../../../src/ui/calibration/handsFreeCues';
import { POSES } from '../../../../src/vision/poses';
import { fakeSpeech, makeUtterance, voice } from '../../audio/fakeSpeech';

const LOCAL = voice('Device voice', 'en-US', true);
const REMOTE = voice('Cloud voice', 'en-US', false, true);

function fakeSound(muted = false) {
  const played: Effect[] = [];
  const listeners: ((muted: boolean) => void)[] = [];
  let isMuted = muted;
  const sound: CueSound & { setMuted(muted: boolean): void } = {
    get muted() {
      return isMuted;
    },
    play: (effect) => played.push(effect),
    onMuteChange: (listener) => {
      listeners.push(listener);
      return () => {};
    },
    setMuted(next) {
      isMuted = next;
      for (const listener of listeners) listener(next);
    },
  };
  return { sound, played };
}

function cuesWith(
  voices: SpeechSynthesisVoice[],
  options: { muted?: boolean; voice?: boolean } = {},
) {
  const speech = fakeSpeech(voices);
  const { sound, played } = fakeSound(options.muted);
  const cues = new PlayerCues(sound, new LocalSpeech(speech.speech, 'en-US', makeUtterance), {
    voiceWanted: () => options.voice ?? true,
  });
  return { cues, speech, sound, played };
}

/** One pose's hands-free recording, as the run gives it. */
function recordLeft(cues: PlayerCues): void {
  cues.countdown('left', 3);
  cues.countdown('left', 2);
  cues.countdown('left', 1);
  cues.turnNow('left');
  cues.done('left');
}

describe('hands-free cues', () => {
  it('say each step with the voice on the device, and play no tone', () => {
    const { cues, speech, played } = cuesWith([REMOTE, LOCAL]);
    recordLeft(cues);
    expect(speech.spoken.map((u) => u.text)).toEqual([
      'Left in 3',
      '2',
      '1',
      'Turn left, and hold',
      'Done',
    ]);
    expect(speech.spoken.every((u) => u.voice === LOCAL.name && u.local === true)).toBe(true);
    expect(played).toEqual([]);
  });

  it('play tones when the only voice would send the text away', () => {
    const { cues, speech, played } = cuesWith([REMOTE]);
    recordLeft(cues);
    expect(speech.spoken).toEqual([]);
    expect(played).toEqual(['cueLeft', 'cueTick', 'cueTick', 'cueTurn', 'cueDone']);
  });

  it('play tones when there is no voice at all, or the player turned the voice off', () => {
    const none = cuesWith([]);
    recordLeft(none.cues);
    expect(none.played).toEqual(['cueLeft', 'cueTick', 'cueTick', 'cueTurn', 'cueDone']);
    const off = cuesWith([LOCAL], { voice: false });
    recordLeft(off.cues);
    expect(off.speech.spoken).toEqual([]);
    expect(off.played).toHaveLength(5);
  });

  it("ask for each pose with that pose's own tone", () => {
    const { cues, played } = cuesWith([]);
    for (const pose of POSES) cues.countdown(pose, 3);
    expect(played).toEqual(POSES.map((pose) => POSE_TONES[pose]));
    expect(new Set(played).size).toBe(POSES.length);
  });

  it('are silent, voice and tones alike, while the game sound is muted', () => {
    for (const voices of [[LOCAL], []]) {
      const { cues, speech, played } = cuesWith(voices, { muted: true });
      recordLeft(cues);
      cues.startsSoon(5);
      cues.finished();
      expect(speech.spoken).toEqual([]);
      expect(played).toEqual([]);
    }
  });

  it('stop speaking the moment the sound is muted', () => {
    const { cues, speech, sound } = cuesWith([LOCAL]);
    cues.countdown('up', 3);
    const before = speech.cancels();
    sound.setMuted(true);
    expect(speech.cancels()).toBe(before + 1);
    cues.countdown('up', 2);
    expect(speech.spoken).toHaveLength(1);
  });

  it('tell the run whether the voice said the step, so it is not announced twice', () => {
    const spoken = cuesWith([LOCAL]);
    expect(spoken.cues.countdown('left', 3)).toBe(true);
    expect(spoken.cues.turnNow('left')).toBe(true);
    expect(spoken.cues.done('left')).toBe(true);
    expect(spoken.cues.finished()).toBe(true);
    expect(spoken.cues.startsSoon(5)).toBe(true);
    for (const quiet of [
      cuesWith([REMOTE]), // no voice on this device: tones
      cuesWith([LOCAL], { voice: false }), // voice cues off: tones
      cuesWith([LOCAL], { muted: true }), // sound muted: nothing
    ]) {
      expect(quiet.cues.countdown('left', 3)).toBe(false);
      expect(quiet.cues.turnNow('left')).toBe(false);
      expect(quiet.cues.done('left')).toBe(false);
      expect(quiet.cues.finished()).toBe(false);
      expect(quiet.cues.startsSoon(5)).toBe(false);
    }
  });

  it('count a step as said aloud only once the voices have loaded', () => {
    const { cues, speech } = cuesWith([]);
    expect(cues.countdown('up', 3)).toBe(false);
    speech.load([LOCAL]);
    expect(cues.countdown('up', 2)).toBe(true);
  });
});
