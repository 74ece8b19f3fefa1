import { describe, expect, it } from 'vitest';
import {
  HIGH_SCORES_KEY,
  HighScoreTable,
  insertHighScore,
  MAX_HIGH_SCORES,
  parseHighScores,
  qualifies,
  sanitizeHighScore,
  type HighScore,
} from '../../../src/storage/highScores';
import { createMemoryStore, type KeyValueStore } from '../../../src/storage/safeStorage';

const DATE = '2025-03-04T05:06:07.000Z';
const entry = (score: number, level = 1, date = DATE): HighScore => ({
  score,
  level,
  date,
  speed: 100,
});

describe('parseHighScores', () => {
  it('reads a valid table, sorted best first', () => {
    const raw = JSON.stringify([entry(100), entry(300, 2), entry(200)]);
    expect(parseHighScores(raw).map((e) => e.score)).toEqual([300, 200, 100]);
  });

  it('returns an empty list for missing, empty or broken text', () => {
    for (const raw of [null, undefined, '', '{', 'null', '42', '"text"', '{"a":1}', 'NaN']) {
      expect(parseHighScores(raw)).toEqual([]);
    }
  });

  it('drops entries of the wrong shape and keeps the good ones', () => {
    const raw = JSON.stringify([
      entry(500),
      null,
      7,
      'x',
      [1, 2],
      { score: '100', level: 1, date: DATE },
      { score: 100, level: 0, date: DATE },
      { score: 100, level: 1.5, date: DATE },
      { score: -5, level: 1, date: DATE },
      { score: 1.5, level: 1, date: DATE },
      { score: 1e300, level: 1, date: DATE },
      { score: 100, level: 1, date: 'yesterday' },
      { score: 100, level: 1 },
      { score: 100, level: 1, date: 'x'.repeat(1000) },
      entry(400),
    ]);
    expect(parseHighScores(raw).map((e) => e.score)).toEqual([500, 400]);
  });

  it('treats NaN and Infinity written by hand as invalid JSON', () => {
    expect(parseHighScores('[{"score":NaN,"level":1,"date":"2025-01-01"}]')).toEqual([]);
  });

  it('is not fooled by __proto__ keys or prototype pollution attempts', () => {
    const raw =
      '[{"__proto__":{"score":999,"level":1,"date":"2025-01-01"}},' +
      '{"score":10,"level":1,"date":"2025-01-01","__proto__":{"polluted":true}}]';
    const list = parseHighScores(raw);
    expect(list).toEqual([{ score: 10, level: 1, date: '2025-01-01T00:00:00.000Z', speed: 100 }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(list[0])).toBe(Object.prototype);
  });

  it('keeps at most ten and copes with huge arrays and huge text', () => {
    const many = Array.from({ length: 5000 }, (_, i) => entry(i + 1));
    const parsed = parseHighScores(JSON.stringify(many.slice(0, 50)));
    expect(parsed).toHaveLength(MAX_HIGH_SCORES);
    expect(parsed[0]?.score).toBe(50);
    expect(parseHighScores(JSON.stringify(many))).toEqual([]);
    expect(parseHighScores(`[${'0,'.repeat(20_000)}0]`)).toEqual([]);
  });

  it('normalises dates to ISO strings', () => {
    const raw = JSON.stringify([{ score: 5, level: 1, date: '2025-01-02' }]);
    expect(parseHighScores(raw)[0]?.date).toBe('2025-01-02T00:00:00.000Z');
  });
});

describe('sanitizeHighScore', () => {
  it('ignores getters and inherited fields', () => {
    const tricky = Object.create({ score: 10, level: 1, date: DATE }) as object;
    expect(sanitizeHighScore(tricky)).toBeNull();
    const getter = {
      level: 1,
      date: DATE,
      get score() {
        throw new Error('should not be called');
      },
    };
    expect(sanitizeHighScore(getter)).toBeNull();
  });
});

describe('insertHighScore', () => {
  it('places a new score below equal ones and returns its rank', () => {
    const list = [entry(300), entry(200), entry(100)];
    const result = insertHighScore(list, entry(200, 4));
    expect(result.rank).toBe(2);
    expect(result.list.map((e) => [e.score, e.level])).toEqual([
      [300, 1],
      [200, 1],
      [200, 4],
      [100, 1],
    ]);
    expect(list).toHaveLength(3);
  });

  it('tops the table with a new best', () => {
    expect(insertHighScore([entry(10)], entry(20)).rank).toBe(0);
  });

  it('keeps ten entries, pushing the last one out', () => {
    const full = Array.from({ length: 10 }, (_, i) => entry(1000 - i * 10));
    const result = insertHighScore(full, entry(955));
    expect(result.rank).toBe(5);
    expect(result.list).toHaveLength(10);
    expect(result.list.at(-1)?.score).toBe(920);
  });

  it('refuses scores that do not beat a full table, zero and invalid entries', () => {
    const full = Array.from({ length: 10 }, (_, i) => entry(1000 - i * 10));
    expect(insertHighScore(full, entry(910)).rank).toBe(-1);
    expect(insertHighScore([], entry(0)).rank).toBe(-1);
    expect(insertHighScore([], entry(Number.NaN)).rank).toBe(-1);
    expect(insertHighScore([], { score: 5, level: 1, date: 'never' }).rank).toBe(-1);
  });

  it('qualifies any positive score while the table has room', () => {
    expect(qualifies([], 1)).toBe(true);
    expect(qualifies([], 0)).toBe(false);
  });
});

describe('HighScoreTable', () => {
  it('saves new entries and reads them back', () => {
    const store = createMemoryStore();
    const table = new HighScoreTable(store);
    expect(table.best).toBe(0);
    expect(table.submit(entry(120, 2))).toBe(0);
    expect(table.submit(entry(0))).toBe(-1);
    expect(new HighScoreTable(store).entries).toEqual([entry(120, 2)]);
    expect(store.get(HIGH_SCORES_KEY)).toContain('120');
  });

  it('survives a store that throws on every call', () => {
    const broken: KeyValueStore = {
      get: () => {
        throw new Error('SecurityError');
      },
      set: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const table = new HighScoreTable(broken);
    expect(table.entries).toEqual([]);
    expect(table.submit(entry(50))).toBe(0);
    expect(table.best).toBe(50);
  });
});

describe('high scores and game speed', () => {
  it('reads old saved scores without a speed as 100 %', () => {
    const old = JSON.stringify([{ score: 700, level: 2, date: DATE }]);
    expect(parseHighScores(old)).toEqual([{ score: 700, level: 2, date: DATE, speed: 100 }]);
  });

  it('keeps the speed a score was made at, and drops an entry whose speed is not ours', () => {
    const raw = JSON.stringify([
      { ...entry(900), speed: 60 },
      { ...entry(800), speed: 80 },
      { ...entry(600), speed: 55 },
      { ...entry(500), speed: '60' },
      { ...entry(400), speed: null },
    ]);
    expect(parseHighScores(raw).map((e) => [e.score, e.speed])).toEqual([
      [900, 60],
      [800, 80],
    ]);
  });

  it('saves a new score with its speed and reads it back; no speed given means 100 %', () => {
    const store = createMemoryStore();
    const table = new HighScoreTable(store);
    expect(table.submit({ score: 300, level: 1, date: DATE, speed: 60 })).toBe(0);
    expect(table.submit({ score: 200, level: 1, date: DATE })).toBe(1);
    const again = new HighScoreTable(store);
    expect(again.entries.map((e) => e.speed)).toEqual([60, 100]);
  });
});
