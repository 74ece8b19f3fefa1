/**
 * The one owner of WebAudio. Browsers only let sound start after a user gesture, so the
 * AudioContext is created (or resumed) by unlock(), which main.ts calls on the first key,
 * click or touch. Everything here is best effort: without WebAudio, or if it misbehaves,
 * the game simply plays silently. Mute is remembered across visits.
 */
import { createMemoryStore, type KeyValueStore } from '../storage/safeStorage';
import { readMuted, writeMuted } from '../storage/settings';
import {
  createLoop,
  playEffect,
  tuneSiren,
  type Effect,
  type LoopName,
  type LoopVoice,
} from './synth';

export type { Effect, LoopName } from './synth';

/** What the game needs from a sound player; tests use fakes of this. */
export interface SoundSink {
  play(effect: Effect, delaySeconds?: number): void;
  setLoop(loop: LoopName | null, intensity?: number): void;
}

export interface SoundEngineOptions {
  store?: KeyValueStore;
  /** Makes the context; defaults to the browser's AudioContext, null when there is none. */
  createContext?: () => BaseAudioContext | null;
}

function browserContext(): BaseAudioContext | null {
  const scope = globalThis as {
    AudioContext?: typeof AudioContext;
    webkitAudioContext?: typeof AudioContext;
  };
  const Ctor = scope.AudioContext ?? scope.webkitAudioContext;
  return Ctor ? new Ctor() : null;
}

const LOOPS: readonly LoopName[] = ['siren', 'fright', 'eyes'];

export class SoundEngine implements SoundSink {
  private ctx: BaseAudioContext | null = null;
  private master: GainNode | null = null;
  private voices = new Map<LoopName, LoopVoice>();
  private failed = false;
  /** A resume() is under way: sounds scheduled now will play as soon as it completes. */
  private resuming = false;
  private isMuted: boolean;
  private loop: LoopName | null = null;
  private intensity = 0;
  private readonly listeners = new Set<(muted: boolean) => void>();
  private readonly store: KeyValueStore;
  private readonly createContext: () => BaseAudioContext | null;

  constructor(options: SoundEngineOptions = {}) {
    this.store = options.store ?? createMemoryStore();
    this.createContext = options.createContext ?? browserContext;
    this.isMuted = readMuted(this.store);
  }

  get muted(): boolean {
    return this.isMuted;
  }

  /** True once a context exists and is running: sounds can actually be heard. */
  get ready(): boolean {
    return this.ctx?.state === 'running';
  }

  /** Running, or about to: the first gesture's sounds (the start tune) must not be lost. */
  private get canSchedule(): boolean {
    return this.ready || (this.resuming && this.ctx?.state === 'suspended');
  }

  /** Call from a user gesture: creates or resumes the context. Safe to call often. */
  unlock(): void {
    if (this.failed) return;
    this.guard(() => {
      if (!this.ctx) {
        this.ctx = this.createContext();
        if (!this.ctx) {
          this.failed = true;
          return;
        }
        this.master = this.ctx.createGain();
        this.master.gain.value = this.isMuted ? 0 : 1;
        this.master.connect(this.ctx.destination);
      }
      const ctx = this.ctx;
      if (ctx.state === 'suspended' && 'resume' in ctx && !this.resuming) {
        this.resuming = true;
        void (ctx as AudioContext).resume().then(
          () => {
            this.resuming = false;
            this.applyLoop();
          },
          () => {
            this.resuming = false;
          },
        );
      }
      this.applyLoop();
    });
  }

  setMuted(muted: boolean): void {
    if (muted === this.isMuted) return;
    this.isMuted = muted;
    writeMuted(this.store, muted);
    this.guard(() => {
      if (this.ctx && this.master) {
        this.master.gain.setTargetAtTime(muted ? 0 : 1, this.ctx.currentTime, 0.01);
      }
    });
    for (const listener of this.listeners) listener(muted);
  }

  toggleMute(): void {
    this.setMuted(!this.isMuted);
  }

  /** Listens for mute changes (menu label, sound button); returns the unsubscribe. */
  onMuteChange(listener: (muted: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  play(effect: Effect, delaySeconds = 0): void {
    // Muted or not yet unlocked: schedule nothing, so nothing piles up to play later.
    if (this.isMuted || !this.canSchedule) return;
    this.guard(() => {
      if (this.ctx && this.master) {
        playEffect(this.ctx, this.master, effect, this.ctx.currentTime + delaySeconds);
      }
    });
  }

  setLoop(loop: LoopName | null, intensity = 0): void {
    if (loop === this.loop && Math.abs(intensity - this.intensity) < 0.01) return;
    this.loop = loop;
    this.intensity = intensity;
    this.applyLoop();
  }

  /** Silences every loop (pause, menus, game over). */
  stopLoops(): void {
    this.setLoop(null);
  }

  private applyLoop(): void {
    if (!this.canSchedule) return;
    this.guard(() => {
      const ctx = this.ctx;
      const master = this.master;
      if (!ctx || !master) return;
      for (const name of LOOPS) {
        let voice = this.voices.get(name);
        if (!voice && name === this.loop) {
          voice = createLoop(ctx, master, name);
          this.voices.set(name, voice);
        }
        if (!voice) continue;
        const on = name === this.loop;
        voice.gain.gain.setTargetAtTime(on ? voice.volume : 0, ctx.currentTime, 0.03);
        if (on && name === 'siren') tuneSiren(voice, this.intensity, ctx.currentTime);
      }
    });
  }

  /** WebAudio quirks must never take the game down: a failure turns sound off for good. */
  private guard(action: () => void): void {
    try {
      action();
    } catch {
      this.failed = true;
      this.ctx = null;
      this.master = null;
      this.voices.clear();
    }
  }
}
