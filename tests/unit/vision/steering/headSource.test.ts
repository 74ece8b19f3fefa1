import { describe, expect, it } from 'vitest';
import { InputHub } from '../../../../src/input/inputHub';
import { HeadSource } from '../../../../src/vision/steering/headSource';

describe("the 'head' input source", () => {
  it('passes the smoother’s requests to the hub as "head", and nothing else', () => {
    const hub = new InputHub();
    const source = new HeadSource();
    hub.add(source);
    const heard: Array<[string | null, string | null]> = [];
    hub.onDirection((direction, from) => heard.push([direction, from]));
    source.update(null, null);
    expect(hub.requestedDirection).toBeNull();
    source.update('left', 'left');
    source.update(null, 'left');
    source.update(null, null); // neutral: no new request, the hero keeps going
    expect(heard).toEqual([['left', 'head']]);
    expect(hub.requestedDirection).toBe('left');
    expect(hub.lastSource).toBe('head');
  });

  it('asks again for a held direction when the hub forgets (new life), like a held key', async () => {
    const hub = new InputHub();
    const source = new HeadSource();
    hub.add(source);
    source.update('up', 'up');
    hub.clear();
    await Promise.resolve();
    expect(hub.requestedDirection).toBe('up');
    source.release();
    hub.clear();
    await Promise.resolve();
    expect(hub.requestedDirection).toBeNull();
  });

  it('is silent once removed from the hub', () => {
    const hub = new InputHub();
    const source = new HeadSource();
    hub.add(source);
    hub.remove('head');
    source.update('down', 'down');
    expect(hub.requestedDirection).toBeNull();
    expect(source.attached).toBe(false);
  });
});
