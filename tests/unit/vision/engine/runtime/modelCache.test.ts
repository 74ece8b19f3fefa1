import { describe, expect, it } from 'vitest';
import {
  createCachedFetch,
  forgetModelCache,
  MODEL_CACHE_NAME,
  type CacheEnvironment,
} from '../../../../../src/vision/engine/runtime/modelCache';

/** Cache Storage in memory: what the browser's does, for the calls modelCache makes. */
class MemoryCaches {
  readonly stores = new Map<string, Map<string, Response>>();
  async open(name: string): Promise<Cache> {
    let store = this.stores.get(name);
    if (store === undefined) {
      store = new Map();
      this.stores.set(name, store);
    }
    const entries = store;
    return {
      async match(url: string) {
        return entries.get(url)?.clone();
      },
      async put(url: string, response: Response) {
        entries.set(url, new Response(await response.arrayBuffer(), response));
      },
    } as unknown as Cache;
  }
  async delete(name: string): Promise<boolean> {
    return this.stores.delete(name);
  }
}

function environment(caches: MemoryCaches | undefined, status = 200) {
  const fetched: string[] = [];
  const env: CacheEnvironment = {
    caches: caches as unknown as CacheStorage | undefined,
    fetch: async (input) => {
      const url = String(input);
      fetched.push(url);
      return new Response(`bytes of ${url}`, { status });
    },
  };
  return { env, fetched };
}

describe('the model cache', () => {
  it('fetches once, then answers from Cache Storage (the next visit works offline)', async () => {
    const caches = new MemoryCaches();
    const first = environment(caches);
    const fetchFirst = createCachedFetch(first.env);
    const answer = await fetchFirst('https://game.example/models/mobilenet/model.json');
    expect(await answer.text()).toBe('bytes of https://game.example/models/mobilenet/model.json');
    expect(first.fetched).toHaveLength(1);
    expect(fetchFirst.stats).toEqual({ fromCache: 0, fromNetwork: 1 });

    const offline = environment(caches);
    offline.env = { ...offline.env, fetch: () => Promise.reject(new TypeError('offline')) };
    const fetchLater = createCachedFetch(offline.env);
    const again = await fetchLater('https://game.example/models/mobilenet/model.json');
    expect(await again.text()).toBe('bytes of https://game.example/models/mobilenet/model.json');
    expect(fetchLater.stats).toEqual({ fromCache: 1, fromNetwork: 0 });
    expect([...caches.stores.keys()]).toEqual([MODEL_CACHE_NAME]);
  });

  it('never keeps a failed answer', async () => {
    const caches = new MemoryCaches();
    const { env } = environment(caches, 404);
    const cachedFetch = createCachedFetch(env);
    expect((await cachedFetch('https://x/model.json')).status).toBe(404);
    expect(caches.stores.get(MODEL_CACHE_NAME)?.size ?? 0).toBe(0);
  });

  it('is a plain fetch where Cache Storage is missing', async () => {
    const { env, fetched } = environment(undefined);
    const cachedFetch = createCachedFetch(env);
    await cachedFetch('https://x/a');
    await cachedFetch('https://x/a');
    expect(fetched).toEqual(['https://x/a', 'https://x/a']);
  });

  it('can be forgotten', async () => {
    const caches = new MemoryCaches();
    await createCachedFetch(environment(caches).env)('https://x/a');
    await forgetModelCache(environment(caches).env);
    expect(caches.stores.has(MODEL_CACHE_NAME)).toBe(false);
  });
});
