// The generated service worker (build/serviceWorker.ts) and the page side of updates
// (src/pwa/serviceWorker.ts): what is precached, and when the update prompt shows.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isPrecached, listFiles, serviceWorkerSource } from '../../../build/serviceWorker';
import {
  watchForUpdates,
  type ContainerLike,
  type RegistrationLike,
} from '../../../src/pwa/serviceWorker';

describe('the generated service worker', () => {
  it('lists every built file but itself and source maps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-'));
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, 'models/mobilenet'), { recursive: true });
    for (const file of [
      'index.html',
      'sw.js',
      'assets/a.js',
      'assets/a.js.map',
      'models/mobilenet/model.json',
      'models/mobilenet/group1-shard1of1',
    ]) {
      writeFileSync(join(dir, file), 'x');
    }
    expect(listFiles(dir).filter(isPrecached)).toEqual([
      'assets/a.js',
      'index.html',
      'models/mobilenet/group1-shard1of1',
      'models/mobilenet/model.json',
    ]);
  });

  it('carries its version and precache list, and never skips waiting on its own', () => {
    const source = serviceWorkerSource(['index.html', 'models/mobilenet/model.json'], 'abc123');
    expect(source).toContain('const VERSION = "abc123"');
    expect(source).toContain('"./models/mobilenet/model.json"');
    expect(source).toContain("event.data.type === 'skip-waiting'");
    // skipWaiting appears once: in the message handler, never in install.
    expect(source.match(/skipWaiting\(\)/g)).toHaveLength(1);
    expect(() => new Function(source)).not.toThrow();
  });
});

class FakeWorker extends EventTarget {
  state = 'installing';
  readonly postMessage = vi.fn();
  becomes(state: string): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget implements RegistrationLike {
  waiting: ServiceWorker | null = null;
  installing: ServiceWorker | null = null;
  update = vi.fn(async () => undefined);
}

class FakeContainer extends EventTarget implements ContainerLike {
  controller: ServiceWorker | null = null;
  register = vi.fn();
}

function setUp(controlled: boolean) {
  const registration = new FakeRegistration();
  const container = new FakeContainer();
  if (controlled) container.controller = {} as ServiceWorker;
  const shown: Array<() => void> = [];
  const reload = vi.fn();
  watchForUpdates(registration, container, { show: (accept) => shown.push(accept) }, reload);
  const arrive = (): FakeWorker => {
    const worker = new FakeWorker();
    registration.installing = worker as unknown as ServiceWorker;
    registration.dispatchEvent(new Event('updatefound'));
    worker.becomes('installed');
    return worker;
  };
  return { container, shown, reload, arrive };
}

describe('the update prompt', () => {
  it('shows when a new version waits, and Reload lets it take over, then reloads', () => {
    const { container, shown, reload, arrive } = setUp(true);
    const worker = arrive();
    expect(shown).toHaveLength(1);
    expect(reload).not.toHaveBeenCalled();
    shown[0]!();
    expect(worker.postMessage).toHaveBeenCalledWith({ type: 'skip-waiting' });
    container.dispatchEvent(new Event('controllerchange'));
    container.dispatchEvent(new Event('controllerchange'));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('stays quiet on the first install, whose claim does not reload the game', () => {
    const { container, shown, reload, arrive } = setUp(false);
    arrive();
    expect(shown).toHaveLength(0);
    container.dispatchEvent(new Event('controllerchange'));
    expect(reload).not.toHaveBeenCalled();
  });
});
