import { describe, expect, it } from 'vitest';
import { LIVE_FIELDS, LiveRegion, type LiveField, type TextSink } from '../../../src/ui/liveRegion';

/** A span stand-in that counts how often its text is written. */
class CountingSink implements TextSink {
  writes = 0;
  private text: string | null;
  constructor(initial: string) {
    this.text = initial;
  }
  get textContent(): string | null {
    return this.text;
  }
  set textContent(value: string | null) {
    this.writes++;
    this.text = value;
  }
}

function region() {
  const sinks = Object.fromEntries(LIVE_FIELDS.map((f) => [f, new CountingSink('')])) as Record<
    LiveField,
    CountingSink
  >;
  return { live: new LiveRegion(sinks), sinks };
}

describe('LiveRegion', () => {
  it('writes values as text', () => {
    const { live, sinks } = region();
    live.update({ score: 120, lives: 2, level: 3, 'game-state': 'playing', direction: 'up' });
    expect(sinks.score.textContent).toBe('120');
    expect(sinks.lives.textContent).toBe('2');
    expect(sinks.level.textContent).toBe('3');
    expect(sinks['game-state'].textContent).toBe('playing');
    expect(sinks.direction.textContent).toBe('up');
  });

  it('touches the DOM only when a value changes', () => {
    const { live, sinks } = region();
    for (let frame = 0; frame < 100; frame++) live.update({ score: 10, 'game-state': 'playing' });
    expect(sinks.score.writes).toBe(1);
    expect(sinks['game-state'].writes).toBe(1);
    live.set('score', 20);
    expect(sinks.score.writes).toBe(2);
    expect(sinks.lives.writes).toBe(0);
  });

  it('starts from what the page already shows', () => {
    const sinks = Object.fromEntries(
      LIVE_FIELDS.map((f) => [f, new CountingSink('menu')]),
    ) as Record<LiveField, CountingSink>;
    const live = new LiveRegion(sinks);
    live.set('game-state', 'menu');
    expect(sinks['game-state'].writes).toBe(0);
    expect(live.get('game-state')).toBe('menu');
  });
});
