/**
 * What a player hears during a hands-free calibration, so they can follow it while holding a
 * pose without looking at the screen: each step said aloud by a voice on the device
 * (localSpeech.ts) when they want a voice and there is one; otherwise tones (cueTones.ts): the
 * pose's own tone when its countdown begins, a tick for 2 and 1, a rising sweep for "turn
 * now", a chime for "done". Muting the game's sound silences both, at once.
 *
 * Each cue says whether a voice said it: a step said aloud is not also given to the screen's
 * announcer (handsFreeRun.ts), so a screen reader does not say it a second time over the voice.
 */
import type { CueEffect, PoseCue } from '../../audio/cueTones';
import type { Effect } from '../../audio/soundEngine';
import type { Pose } from '../../vision/poses';
import { COUNTDOWN_SECONDS } from './handsFreeTiming';
import { POSE_WORDS } from './poseArt';

/**
 * The cues the hands-free run and its auto-start give. Each returns true when a voice said it
 * aloud (queued it with a voice on the device), false when it was a tone or nothing at all.
 */
export interface HandsFreeCues {
  /** The run will start by itself in `seconds`. */
  startsSoon(seconds: number): boolean;
  /** `secondsLeft` (3, 2, 1) before `pose` is recorded; the first says which pose. */
  countdown(pose: Pose, secondsLeft: number): boolean;
  /** Recording `pose` now: turn and hold. */
  turnNow(pose: Pose): boolean;
  /** `pose` recorded. */
  done(pose: Pose): boolean;
  /** Every pose recorded. */
  finished(): boolean;
  /** The run was stopped: nothing more to say. */
  stop(): void;
}

/** No sound at all: nothing is said aloud, so the announcer says every step. */
export const SILENT_CUES: HandsFreeCues = {
  startsSoon: () => false,
  countdown: () => false,
  turnNow: () => false,
  done: () => false,
  finished: () => false,
  stop: () => {},
};

/** The player's "voice cues" setting (kept by the settings screen; on by default). */
export interface CueSwitch {
  voiceWanted(): boolean;
}

/** The game's sound: its mute silences the cues too. */
export interface CueSound {
  readonly muted: boolean;
  play(effect: Effect, delaySeconds?: number): void;
  onMuteChange(listener: (muted: boolean) => void): () => void;
}

/** What speaks (a LocalSpeech): false when it has no voice on the device. */
export interface CueVoice {
  say(text: string): boolean;
  stop(): void;
}

export const POSE_TONES: Record<Pose, PoseCue> = {
  neutral: 'cueNeutral',
  left: 'cueLeft',
  right: 'cueRight',
  up: 'cueUp',
  down: 'cueDown',
};

/** Short, so that each is said within its second. */
const TURN_WORDS: Record<Pose, string> = {
  neutral: 'Follow the dot with your eyes',
  left: 'Turn left, and hold',
  right: 'Turn right, and hold',
  up: 'Look up, and hold',
  down: 'Look down, and hold',
};

/** After a chime, the next pose's tone waits this long, so the two do not blur. */
const AFTER_CHIME_S = 0.35;

export class PlayerCues implements HandsFreeCues {
  constructor(
    private readonly sound: CueSound,
    private readonly voice: CueVoice,
    private readonly settings: CueSwitch,
  ) {
    sound.onMuteChange((muted) => {
      if (muted) voice.stop();
    });
  }

  startsSoon(seconds: number): boolean {
    return this.give(`Hands-free recording starts in ${seconds} seconds. Look at the screen.`, [
      'cueTick',
    ]);
  }

  countdown(pose: Pose, secondsLeft: number): boolean {
    const first = secondsLeft === COUNTDOWN_SECONDS;
    const words = first ? `${POSE_WORDS[pose].name} in ${secondsLeft}` : String(secondsLeft);
    return this.give(words, [first ? POSE_TONES[pose] : 'cueTick'], first ? AFTER_CHIME_S : 0);
  }

  turnNow(pose: Pose): boolean {
    return this.give(TURN_WORDS[pose], ['cueTurn']);
  }

  done(_pose: Pose): boolean {
    return this.give('Done', ['cueDone']);
  }

  finished(): boolean {
    return this.give('Every pose recorded. Look at the screen to try it.', ['cueAllDone']);
  }

  stop(): void {
    this.voice.stop();
  }

  /**
   * Says `words` (true), or else plays `tones`; nothing at all while the game's sound is
   * muted. True only when the voice took the words: voice cues on, a voice on this device,
   * sound on.
   */
  private give(words: string, tones: readonly CueEffect[], delaySeconds = 0): boolean {
    if (this.sound.muted) return false;
    if (this.settings.voiceWanted() && this.voice.say(words)) return true;
    for (const tone of tones) this.sound.play(tone, delaySeconds);
    return false;
  }
}
