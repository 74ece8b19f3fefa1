/**
 * What a player hears during a hands-free calibration, so they can follow it while holding a
 * pose without looking at the screen: each step said aloud by a voice on the device
 * (localSpeech.ts) when they want a voice and there is one; otherwise tones (cueTones.ts): the
 * pose's own tone when its countdown begins, a tick for 2 and 1, a rising sweep for "turn
 * now", a chime for "done". Muting the game's sound silences both, at once.
 */
import type { CueEffect, PoseCue } from '../../audio/cueTones';
import type { Effect } from '../../audio/soundEngine';
import type { Pose } from '../../vision/poses';
import { COUNTDOWN_SECONDS } from './handsFreeRun';
import { POSE_WORDS } from './poseArt';

/** The cues the hands-free run and its auto-start give. */
export interface HandsFreeCues {
  /** The run will start by itself in `seconds`. */
  startsSoon(seconds: number): void;
  /** `secondsLeft` (3, 2, 1) before `pose` is recorded; the first says which pose. */
  countdown(pose: Pose, secondsLeft: number): void;
  /** Recording `pose` now: turn and hold. */
  turnNow(pose: Pose): void;
  /** `pose` recorded. */
  done(pose: Pose): void;
  /** Every pose recorded. */
  finished(): void;
  /** The run was stopped: nothing more to say. */
  stop(): void;
}

export const SILENT_CUES: HandsFreeCues = {
  startsSoon: () => {},
  countdown: () => {},
  turnNow: () => {},
  done: () => {},
  finished: () => {},
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
  neutral: 'Look at the screen, and hold',
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

  startsSoon(seconds: number): void {
    this.give(`Hands-free recording starts in ${seconds} seconds. Look at the screen.`, [
      'cueTick',
    ]);
  }

  countdown(pose: Pose, secondsLeft: number): void {
    const first = secondsLeft === COUNTDOWN_SECONDS;
    const words = first ? `${POSE_WORDS[pose].name} in ${secondsLeft}` : String(secondsLeft);
    this.give(words, [first ? POSE_TONES[pose] : 'cueTick'], first ? AFTER_CHIME_S : 0);
  }

  turnNow(pose: Pose): void {
    this.give(TURN_WORDS[pose], ['cueTurn']);
  }

  done(_pose: Pose): void {
    this.give('Done', ['cueDone']);
  }

  finished(): void {
    this.give('Every pose recorded. Look at the screen to try it.', ['cueAllDone']);
  }

  stop(): void {
    this.voice.stop();
  }

  /** Says `words`, or else plays `tones`; nothing at all while the game's sound is muted. */
  private give(words: string, tones: readonly CueEffect[], delaySeconds = 0): void {
    if (this.sound.muted) return;
    if (this.settings.voiceWanted() && this.voice.say(words)) return;
    for (const tone of tones) this.sound.play(tone, delaySeconds);
  }
}
