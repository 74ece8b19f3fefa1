/**
 * Keeps the MobileNet files in the browser's Cache Storage after the first load, so the next
 * visit starts without the network (and offline). Used as tfjs's `fetchFunc`: model.json and
 * the shards go through `cachedFetch`, everything else is untouched.
 *
 * Cache first: a cached answer is used as it is; a miss goes to the network and a good answer
 * (200, complete body) is stored. The cache's name carries the model id, so a new model never
 * meets the old files. If loading from cached files fails anyway (a damaged entry), the caller
 * drops the cache and loads once more from the network (`forgetModelCache`).
 * Without Cache Storage (insecure origins, some private modes) this is a plain fetch.
 */
import { MODEL_ID } from '../features/pipeline';

export const MODEL_CACHE_NAME = `headchomp-model-${MODEL_ID}`;

/** What `cachedFetch` needs from its surroundings (the real ones in a browser). */
export interface CacheEnvironment {
  readonly fetch: typeof fetch;
  readonly caches: CacheStorage | undefined;
}

export function browserCacheEnvironment(): CacheEnvironment {
  return {
    fetch: (input, init) => fetch(input, init),
    caches: typeof caches === 'undefined' ? undefined : caches,
  };
}

export interface CachedFetch {
  /** A fetch for tfjs's `fetchFunc`. */
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** How many requests were answered from the cache, and how many went to the network. */
  readonly stats: { fromCache: number; fromNetwork: number };
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

async function openCache(environment: CacheEnvironment): Promise<Cache | null> {
  if (environment.caches === undefined) return null;
  try {
    return await environment.caches.open(MODEL_CACHE_NAME);
  } catch {
    return null; // e.g. storage disabled: just use the network
  }
}

export function createCachedFetch(
  environment: CacheEnvironment = browserCacheEnvironment(),
): CachedFetch {
  const stats = { fromCache: 0, fromNetwork: 0 };
  const cachedFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    const cache = await openCache(environment);
    if (cache !== null) {
      try {
        const hit = await cache.match(url);
        if (hit !== undefined) {
          stats.fromCache++;
          return hit;
        }
      } catch {
        // A cache that cannot be read is a miss.
      }
    }
    const response = await environment.fetch(input, init);
    stats.fromNetwork++;
    if (cache !== null && response.status === 200) {
      try {
        // The body is read once for the cache and once by tfjs: clone before either.
        await cache.put(url, response.clone());
      } catch {
        // Quota or a broken stream: the game goes on, the next visit fetches again.
      }
    }
    return response;
  };
  return Object.assign(cachedFetch, { stats });
}

/** Drop the cached model files (a damaged cache, or the player asked for a clean start). */
export async function forgetModelCache(
  environment: CacheEnvironment = browserCacheEnvironment(),
): Promise<void> {
  if (environment.caches === undefined) return;
  try {
    await environment.caches.delete(MODEL_CACHE_NAME);
  } catch {
    // Nothing to delete when storage itself is unavailable.
  }
}
