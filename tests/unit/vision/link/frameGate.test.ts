import { describe, expect, it } from 'vitest';
import {
  FRAME_TIMEOUT_MS,
  FrameGate,
  MAIN_THREAD_SHARE,
} from '../../../../src/vision/link/frameGate';

/** Camera frames at `fps` for `seconds`; the engine answers `engineMs` after each frame sent. */
function run(gate: FrameGate, fps: number, seconds: number, engineMs: number) {
  const interval = 1000 / fps;
  const decisions: Array<{ at: number; record: string | null }> = [];
  let answerAt = Number.POSITIVE_INFINITY;
  for (let at = 0; at < seconds * 1000; at += interval) {
    if (at >= answerAt) {
      gate.done(answerAt);
      answerAt = Number.POSITIVE_INFINITY;
    }
    const decision = gate.offer(at);
    if (decision.send) {
      decisions.push({ at, record: decision.record });
      answerAt = at + engineMs;
    }
  }
  return decisions;
}

describe('which camera frames reach the engine', () => {
  it('sends every frame when the engine keeps up', () => {
    const gate = new FrameGate();
    expect(run(gate, 30, 1, 12)).toHaveLength(30);
    expect(gate.dropped).toBe(0);
  });

  it('never has two frames in flight: a slow engine gets fewer, newer frames (drop, not queue)', () => {
    const gate = new FrameGate();
    // 25 fps (a frame every 40 ms), 100 ms per frame: every third frame, 120 ms apart.
    const sent = run(gate, 25, 2, 100);
    expect(sent).toHaveLength(17);
    expect(gate.dropped + gate.sent).toBe(50);
    for (let i = 1; i < sent.length; i++) {
      expect((sent[i]?.at ?? 0) - (sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(100);
    }
  });

  it('records ten shots a second from a 30 fps camera while a pose is held', () => {
    const gate = new FrameGate();
    gate.startRecording('left', 0);
    const sent = run(gate, 30, 2, 25);
    expect(sent.every((frame) => frame.record === 'left')).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(19);
    expect(sent.length).toBeLessThanOrEqual(21);
    gate.stopRecording();
    gate.done();
    expect(gate.offer(5000)).toEqual({ send: true, record: null });
  });

  it('gives up on a frame that never comes back', () => {
    const gate = new FrameGate();
    expect(gate.offer(0).send).toBe(true);
    expect(gate.offer(100)).toEqual({ send: false, reason: 'in-flight' });
    expect(gate.offer(FRAME_TIMEOUT_MS + 1).send).toBe(true);
  });

  it('on the main thread, a slow model takes at most its share: it predicts less often', () => {
    const gate = new FrameGate();
    gate.limitShare(MAIN_THREAD_SHARE);
    // 100 ms per prediction: alone it would run ~10 a second and take the whole thread.
    const sent = run(gate, 30, 3, 100);
    const busy = sent.length * 100;
    expect(busy / 3000).toBeLessThanOrEqual(MAIN_THREAD_SHARE + 0.05);
    expect(sent.length).toBeGreaterThanOrEqual(8);
    expect(gate.paced).toBeGreaterThan(0);
    // A fast model is barely held back; a worker (no cap) is not held back at all.
    const fast = new FrameGate();
    fast.limitShare(MAIN_THREAD_SHARE);
    expect(run(fast, 30, 1, 5).length).toBeGreaterThanOrEqual(20);
    const worker = new FrameGate();
    worker.limitShare(null);
    expect(run(worker, 30, 3, 100).length).toBeGreaterThan(sent.length * 2);
  });

  it('keeps recording at its steady rate whatever the cap', () => {
    const gate = new FrameGate();
    gate.limitShare(MAIN_THREAD_SHARE);
    gate.startRecording('left', 0);
    expect(run(gate, 30, 1, 20).filter((d) => d.record === 'left')).toHaveLength(10);
  });

  it("holds a frame before the governor's turn back, unless the head in it is moving", () => {
    const gate = new FrameGate();
    gate.minIntervalMs = 100;
    expect(gate.beforeTurn(0)).toBe(false);
    expect(gate.offer(0).send).toBe(true);
    gate.done(10);
    expect(gate.beforeTurn(33)).toBe(true);
    expect(gate.offer(33)).toEqual({ send: false, reason: 'pacing' });
    expect(gate.offer(33, true).send).toBe(true); // moving: at once
    gate.done(40);
    expect(gate.beforeTurn(100)).toBe(true); // the turn counts from the last frame sent
    expect(gate.beforeTurn(133)).toBe(false);
    gate.startRecording('up', 140);
    expect(gate.beforeTurn(141)).toBe(false); // recording keeps its own rate
  });
});
