// The generated service worker (build/serviceWorker.ts) and the page side of updates
// (src/pwa/serviceWorker.ts): what is precached, and when the update prompt shows.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  isPrecached,
  listFiles,
  precacheEntry,
  serviceWorkerSource,
} from '../../../build/serviceWorker';
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
    const source = serviceWorkerSource(
      [
        precacheEntry('index.html', Buffer.from('<html>')),
        precacheEntry('models/mobilenet/model.json', Buffer.from('{}')),
      ],
      'abc123',
    );
    expect(source).toContain('const VERSION = "abc123"');
    expect(source).toContain('"./models/mobilenet/model.json"');
    expect(source).toContain("event.data.type === 'skip-waiting'");
    // skipWaiting appears once: in the message handler, never in install.
    expect(source.match(/skipWaiting\(\)/g)).toHaveLength(1);
    expect(() => new Function(source)).not.toThrow();
  });
});

/**
 * The generated worker run in Node against an in-memory server and Cache Storage, to see
 * what its install keeps. Node has fetch's Request and Response and WebCrypto of its own.
 */
function installWorker(built: Record<string, string>, served: Record<string, string>) {
  const files = Object.entries(built).map(([path, text]) => precacheEntry(path, Buffer.from(text)));
  const source = serviceWorkerSource(files, 'v1');
  const handlers = new Map<string, (event: unknown) => void>();
  const self = {
    location: { href: 'https://game.test/sw.js', origin: 'https://game.test' },
    addEventListener: (type: string, handler: (event: unknown) => void) => {
      handlers.set(type, handler);
    },
  };
  const stores = new Map<string, Map<string, Response>>();
  const caches = {
    open: async (name: string) => {
      const store = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, store);
      return { put: async (url: string, response: Response) => void store.set(url, response) };
    },
    delete: async (name: string) => stores.delete(name),
  };
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname.slice(1);
    const body = served[path];
    return body === undefined ? new Response('', { status: 404 }) : new Response(body);
  };
  new Function('self', 'caches', 'fetch', 'Request', source)(
    self,
    caches,
    fetch,
    class extends Request {
      constructor(url: string, init?: RequestInit) {
        super(new URL(url, 'https://game.test/'), init);
      }
    },
  );
  let installed: Promise<unknown> | null = null;
  handlers.get('install')?.({ waitUntil: (work: Promise<unknown>) => (installed = work) });
  if (installed === null) throw new Error('the worker has no install handler');
  return { installed: installed as Promise<unknown>, stores };
}

describe('the service worker install', () => {
  const built = {
    'index.html': '<html>game</html>',
    'models/mobilenet/shard': 'weights'.repeat(50),
  };

  it('keeps every file when each is the one the build made', async () => {
    const { installed, stores } = installWorker(built, built);
    await installed;
    expect([...(stores.get('headchomp-precache-v1')?.keys() ?? [])].sort()).toEqual([
      './index.html',
      './models/mobilenet/shard',
    ]);
  });

  it('fails and keeps nothing when a file comes cut short', async () => {
    const cut = {
      ...built,
      'models/mobilenet/shard': built['models/mobilenet/shard'].slice(0, 100),
    };
    const { installed, stores } = installWorker(built, cut);
    await expect(installed).rejects.toThrow(/shard: 100 bytes, the build made 350/);
    expect(stores.size).toBe(0);
  });

  it('fails and keeps nothing when a file of the right size is damaged', async () => {
    const damaged = {
      ...built,
      'models/mobilenet/shard': 'x' + built['models/mobilenet/shard'].slice(1),
    };
    const { installed, stores } = installWorker(built, damaged);
    await expect(installed).rejects.toThrow(/shard: its content differs from the build/);
    expect(stores.size).toBe(0);
  });

  it('fails and keeps nothing when a file is missing', async () => {
    const { installed, stores } = installWorker(built, { 'index.html': built['index.html'] });
    await expect(installed).rejects.toThrow(/shard: 404/);
    expect(stores.size).toBe(0);
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
