import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandsFreeCues } from '../../../../src/ui/calibration/handsFreeCues';
import { HandsFreeRun, type HandsFreeHost } from '../../../../src/ui/calibration/handsFreeRun';
import { HANDS_FREE_MAX_COUNTDOWNS } from '../../../../src/ui/calibration/handsFreeTiming';
import type { Pose } from '../../../../src/vision/poses';

/** A host whose poses fill up one recording each, in the order given. */
function fakeHost(toRecord: Pose[], options: { fills?: boolean } = {}) {
  const log: string[] = [];
  const queue = [...toRecord];
  let mayGoOn = true;
  const host: HandsFreeHost = {
    nextPose: () => queue[0] ?? null,
    countingDown: (pose) => log.push(`countdown ${pose}`),
    record: (pose) => log.push(`record ${pose}`),
    recorded: () => {
      log.push('recorded');
      if (options.fills !== false) queue.shift();
    },
    mayGoOn: () => mayGoOn,
    finished: (saidAloud) => log.push(saidAloud ? 'finished (said aloud)' : 'finished'),
    display: (text) => log.push(`display "${text}"`),
    announce: (text) => log.push(`say "${text}"`),
  };
  return { host, log, stop: () => (mayGoOn = false) };
}

describe('the hands-free run', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts 3, 2, 1, records 2 seconds, then goes on to the next pose', () => {
    const { host, log } = fakeHost(['left', 'up']);
    const run = new HandsFreeRun(host);
    run.start('left');
    expect(run.running).toBe(true);
    vi.advanceTimersByTime(2999);
    expect(log).toEqual([
      'display ""',
      'countdown left',
      'display "3"',
      'say "Left in 3"',
      'display "2"',
      'say "2"',
      'display "1"',
      'say "1"',
    ]);
    log.length = 0;
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['display "●"', 'say "Recording Left"', 'record left']);
    log.length = 0;
    vi.advanceTimersByTime(2000);
    expect(log.slice(0, 4)).toEqual([
      'display ""',
      'say "Left recorded"',
      'recorded',
      'display ""',
    ]);
    expect(log).toContain('countdown up');
  });

  it('ends on the live test once every pose has its shots', () => {
    const { host, log } = fakeHost(['down']);
    const run = new HandsFreeRun(host);
    run.start('down');
    vi.advanceTimersByTime(5000);
    expect(log.at(-1)).toBe('finished');
    expect(run.running).toBe(false);
  });

  it('stops when cancelled: no recording, the countdown clears', () => {
    const { host, log } = fakeHost(['neutral']);
    const run = new HandsFreeRun(host);
    run.start('neutral');
    vi.advanceTimersByTime(1500);
    run.cancel();
    expect(log.at(-1)).toBe('display ""');
    vi.advanceTimersByTime(10_000);
    expect(log).not.toContain('record neutral');
    expect(run.running).toBe(false);
  });

  it('stops when the screen closes or the camera fails', () => {
    const { host, log, stop } = fakeHost(['neutral', 'left']);
    const run = new HandsFreeRun(host);
    run.start('neutral');
    stop();
    vi.advanceTimersByTime(20_000);
    expect(log).not.toContain('countdown left');
    expect(log).not.toContain('finished');
  });

  it(`gives up after ${HANDS_FREE_MAX_COUNTDOWNS} countdowns when no shot ever comes`, () => {
    const { host, log } = fakeHost(['neutral'], { fills: false });
    new HandsFreeRun(host).start('neutral');
    vi.advanceTimersByTime(60 * 60_000);
    expect(log.filter((line) => line === 'countdown neutral')).toHaveLength(
      HANDS_FREE_MAX_COUNTDOWNS,
    );
  });

  it('gives a cue at each step: which pose, 3-2-1, turn now, done, all done', () => {
    const { host } = fakeHost(['right', 'down']);
    const heard: string[] = [];
    // Tones, not a voice: every step is announced too.
    const hear = (what: string): boolean => {
      heard.push(what);
      return false;
    };
    const cues: HandsFreeCues = {
      startsSoon: () => hear('soon'),
      countdown: (pose, n) => hear(`${pose} ${n}`),
      turnNow: (pose) => hear(`turn ${pose}`),
      done: (pose) => hear(`done ${pose}`),
      finished: () => hear('finished'),
      stop: () => heard.push('stop'),
    };
    const run = new HandsFreeRun(host, cues);
    run.start('right');
    vi.advanceTimersByTime(10_000);
    expect(heard).toEqual([
      'right 3',
      'right 2',
      'right 1',
      'turn right',
      'done right',
      'down 3',
      'down 2',
      'down 1',
      'turn down',
      'done down',
      'finished',
    ]);
    run.start('up');
    run.cancel();
    expect(heard.at(-1)).toBe('stop');
  });

  describe('each step heard once: from the voice or from the announcer', () => {
    /** Cues whose voice speaks while `voice.on` (voice cues on, a voice, sound on). */
    function voiceCues() {
      const voice = { on: true };
      const aloud = (): boolean => voice.on;
      const cues: HandsFreeCues = {
        startsSoon: aloud,
        countdown: aloud,
        turnNow: aloud,
        done: aloud,
        finished: aloud,
        stop: () => {},
      };
      return { cues, voice };
    }

    it('announces nothing the voice said: the screen reader does not talk over it', () => {
      const { host, log } = fakeHost(['left']);
      new HandsFreeRun(host, voiceCues().cues).start('left');
      vi.advanceTimersByTime(10_000);
      expect(log.filter((line) => line.startsWith('say '))).toEqual([]);
      // The countdown is still shown, and the screen knows the voice said "all recorded".
      expect(log).toContain('display "3"');
      expect(log).toContain('display "●"');
      expect(log.at(-1)).toBe('finished (said aloud)');
    });

    it('announces every step when there is no voice (tones, voice cues off, sound muted)', () => {
      const { host, log } = fakeHost(['left']);
      new HandsFreeRun(host).start('left');
      vi.advanceTimersByTime(10_000);
      expect(log.filter((line) => line.startsWith('say '))).toEqual([
        'say "Left in 3"',
        'say "2"',
        'say "1"',
        'say "Recording Left"',
        'say "Left recorded"',
      ]);
      expect(log.at(-1)).toBe('finished');
    });

    it('hands the steps to the announcer from the moment the voice falls silent', () => {
      const { host, log } = fakeHost(['up']);
      const { cues, voice } = voiceCues();
      new HandsFreeRun(host, cues).start('up');
      vi.advanceTimersByTime(1000);
      expect(log.filter((line) => line.startsWith('say '))).toEqual([]);
      voice.on = false; // the player muted the sound after "Up in 3", "2"
      vi.advanceTimersByTime(10_000);
      expect(log.filter((line) => line.startsWith('say '))).toEqual([
        'say "1"',
        'say "Recording Up"',
        'say "Up recorded"',
      ]);
      expect(log.at(-1)).toBe('finished');
    });
  });
});
