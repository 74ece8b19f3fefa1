/**
 * Turns what happens in a game (events and the view) into sounds: the alternating chomp,
 * the loop that fits the moment (siren, fright, eyes heading home) and one-shot effects.
 */
import { PHASE_TICKS } from '../game/phases';
import type { GameEvent, GameView } from '../game/types';
import type { LoopName, SoundSink } from './soundEngine';

/** Ticks the dying hero stays frozen before collapsing; the death sound starts then. */
export const DEATH_FREEZE_TICKS = PHASE_TICKS.dyingFreeze;

export type LoopView = Pick<GameView, 'phase' | 'ghosts' | 'dotsLeft'>;

/** Which loop should play for this view, and how high the siren climbs (0..1). */
export function chooseLoop(
  view: LoopView,
  totalDots: number,
): { loop: LoopName | null; intensity: number } {
  if (view.phase !== 'playing') return { loop: null, intensity: 0 };
  if (view.ghosts.some((g) => g.look === 'eyes')) return { loop: 'eyes', intensity: 0 };
  if (view.ghosts.some((g) => g.look === 'frightened' || g.look === 'flashing')) {
    return { loop: 'fright', intensity: 0 };
  }
  const eaten = totalDots > 0 ? 1 - view.dotsLeft / totalDots : 0;
  // Four steps, as the board empties, rather than a constant drift in pitch.
  const intensity = Math.min(3, Math.floor(Math.max(0, eaten) * 4)) / 3;
  return { loop: 'siren', intensity };
}

export class GameSounds {
  private chompHigh = true;
  private totalDots = 0;
  private deathPlayed = false;

  constructor(private readonly sink: SoundSink) {}

  /** Plays the one-shot effects of one tick's events. */
  handle(events: readonly GameEvent[]): void {
    for (const event of events) {
      switch (event.type) {
        case 'dotEaten':
        case 'energizerEaten':
          this.sink.play(this.chompHigh ? 'chompA' : 'chompB');
          this.chompHigh = !this.chompHigh;
          break;
        case 'ghostEaten':
          this.sink.play('ghostEaten');
          break;
        case 'fruitEaten':
          this.sink.play('fruitEaten');
          break;
        case 'extraLife':
          this.sink.play('extraLife');
          break;
        default:
          break;
      }
    }
  }

  /** Called once per frame after the ticks: keeps the loop and the death sound in step. */
  update(view: GameView): void {
    // A new level refills the board, so the largest count seen is the level's total.
    this.totalDots = Math.max(this.totalDots, view.dotsLeft);
    if (view.phase === 'dying') {
      if (!this.deathPlayed && view.phaseTicks >= DEATH_FREEZE_TICKS) {
        this.deathPlayed = true;
        this.sink.play('death');
      }
    } else {
      this.deathPlayed = false;
    }
    const { loop, intensity } = chooseLoop(view, this.totalDots);
    this.sink.setLoop(loop, intensity);
  }

  stop(): void {
    this.sink.setLoop(null);
  }
}
