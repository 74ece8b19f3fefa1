import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandsFreeCues } from '../../../../src/ui/calibration/handsFreeCues';
import {
  HANDS_FREE_MAX_COUNTDOWNS,
  HandsFreeRun,
  type HandsFreeHost,
} from '../../../../src/ui/calibration/handsFreeRun';
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
    finished: () => log.push('finished'),
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
    const cues: HandsFreeCues = {
      startsSoon: () => heard.push('soon'),
      countdown: (pose, n) => heard.push(`${pose} ${n}`),
      turnNow: (pose) => heard.push(`turn ${pose}`),
      done: (pose) => heard.push(`done ${pose}`),
      finished: () => heard.push('finished'),
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
});
