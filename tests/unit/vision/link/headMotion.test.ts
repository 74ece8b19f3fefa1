// A head on the move is predicted on every frame the page reads, whatever the rate governor's
// pace; a head at rest waits for the governor's turn. Judged from the answers' angles.
import { describe, expect, it } from 'vitest';
import { HeadMotion, SETTLE_PREDICTIONS } from '../../../../src/vision/link/headMotion';
import { PREDICTIONS_TO_SETTLE } from '../../../../src/vision/engine/runtime/stillHead';
import { STILL_RADIANS } from '../../../../src/vision/steering/headSteering';
import type { FrameResult } from '../../../../src/vision/link/headProtocol';
import { linkToFakeEngines, resultTaken } from '../camera/fakeWorkerCamera';

const degrees = (d: number): number => (d * Math.PI) / 180;
const at = (yaw: number, pitch = 0) => ({ yaw: degrees(yaw), pitch: degrees(pitch), roll: 0 });

describe('whether the head is on the move', () => {
  it('knows nothing before an answer with angles, and after one without', () => {
    const motion = new HeadMotion();
    expect(motion.moving).toBe(false);
    motion.heard(at(0));
    expect(motion.moving).toBe(true);
    motion.heard(null);
    expect(motion.moving).toBe(false);
  });

  it('is on the move until the head was seen SETTLE_PREDICTIONS times where it now is', () => {
    const motion = new HeadMotion();
    const seen: boolean[] = [];
    for (let i = 0; i < SETTLE_PREDICTIONS + 2; i++) {
      motion.heard(at(0.5 * (i % 2))); // camera noise, well under the limit
      seen.push(motion.moving);
    }
    expect(seen).toEqual([true, true, true, false, false, false]);
    motion.heard(at(20));
    expect(motion.moving).toBe(true);
  });

  it('lets no slow turn creep past in steps under the limit', () => {
    const motion = new HeadMotion();
    const step = (STILL_RADIANS * 180) / Math.PI / 2; // half the limit per answer
    for (let i = 0; i < SETTLE_PREDICTIONS; i++) motion.heard(at(0));
    expect(motion.moving).toBe(false);
    motion.heard(at(step));
    expect(motion.moving).toBe(false);
    motion.heard(at(2 * step)); // the limit from where it came to rest
    expect(motion.moving).toBe(true);
  });

  it('settles in as many predictions as the worker’s own still check', () => {
    expect(SETTLE_PREDICTIONS).toBe(PREDICTIONS_TO_SETTLE);
  });
});

describe("the page's frames while the governor holds predictions back", () => {
  function answer(id: number, yaw: number): FrameResult {
    const taken = resultTaken({ at: 0, width: 8, height: 8, shotMessages: 0 });
    return { ...taken, taken: undefined, id, angles: at(yaw) };
  }

  it('go at once while the head moves, and at the pace once it holds still', async () => {
    const { link, ports } = linkToFakeEngines();
    await link.start();
    const port = ports[0];
    if (port === undefined) throw new Error('no engine');
    link.setMinInterval(100);
    const video = { videoWidth: 8, videoHeight: 8 } as HTMLVideoElement;
    const sentAt: number[] = [];
    let yaw = 0;
    for (let now = 0; now < 1000; now += 33) {
      if (now >= 500) yaw = 30; // the head turns half-way through
      const before = link.gate.sent;
      link.offerFrame(video, now, 0);
      if (link.gate.sent === before) continue;
      sentAt.push(now);
      port.listener(answer(link.gate.sent, yaw)); // answered at once
    }
    const gaps = (from: number, to: number): number[] =>
      sentAt.filter((t) => t >= from && t < to).map((t, i, all) => t - (all[i - 1] ?? t));
    // At rest: every third or fourth frame (the governor's 100 ms); from the answer that
    // showed the turn on, every frame until the head was seen SETTLE_PREDICTIONS times there.
    expect(Math.min(...gaps(200, 500).slice(1))).toBeGreaterThanOrEqual(99);
    const afterTurn = sentAt.filter((t) => t >= 500);
    const firstTurned = afterTurn[0] as number;
    expect(afterTurn.slice(0, SETTLE_PREDICTIONS)).toEqual(
      Array.from({ length: SETTLE_PREDICTIONS }, (_, i) => firstTurned + 33 * i),
    );
    expect(
      Math.min(...gaps(firstTurned + 33 * SETTLE_PREDICTIONS, 1000).slice(1)),
    ).toBeGreaterThanOrEqual(99);
  });
});
