/**
 * Registers the offline service worker (dist/sw.js, written by build/serviceWorker.ts) and
 * offers an update when a new version has been deployed: the new worker installs in the
 * background and waits; a small prompt says so, and "Reload" lets it take over and reloads.
 * "Later" keeps the running game as it is (the new version starts on the next visit).
 *
 * Only in a production build on a secure page (https or localhost) with service workers:
 * anywhere else this does nothing and never throws.
 */

export const SERVICE_WORKER_URL = 'sw.js';

/** The parts of a registration this module uses (a fake one in unit tests). */
export interface RegistrationLike extends EventTarget {
  readonly waiting: ServiceWorker | null;
  readonly installing: ServiceWorker | null;
  update(): Promise<unknown>;
}

export interface ContainerLike extends EventTarget {
  readonly controller: ServiceWorker | null;
  register(url: string, options?: RegistrationOptions): Promise<RegistrationLike>;
}

export interface UpdatePrompt {
  /** Show the prompt; `accept` runs on "Reload". */
  show(accept: () => void): void;
}

/** The prompt in the page: a small bar at the bottom, above the d-pad. */
export function domUpdatePrompt(doc: Document, parent: HTMLElement = doc.body): UpdatePrompt {
  return {
    show(accept) {
      if (doc.getElementById('update-prompt') !== null) return;
      const bar = doc.createElement('div');
      bar.id = 'update-prompt';
      bar.setAttribute('role', 'alert');
      bar.dataset.testid = 'update-prompt';
      bar.dataset.swipeIgnore = '';
      const text = doc.createElement('p');
      text.textContent = 'A new version of HEADCHOMP is ready.';
      const reload = doc.createElement('button');
      reload.type = 'button';
      reload.textContent = 'Reload';
      reload.dataset.testid = 'update-reload';
      reload.addEventListener('click', () => {
        reload.disabled = true;
        accept();
      });
      const later = doc.createElement('button');
      later.type = 'button';
      later.textContent = 'Later';
      later.addEventListener('click', () => bar.remove());
      bar.append(text, reload, later);
      parent.append(bar);
    },
  };
}

/**
 * Watches `registration` for a new version waiting to take over while a page is controlled
 * (an update, not the first install), and shows `prompt` for it.
 */
export function watchForUpdates(
  registration: RegistrationLike,
  container: ContainerLike,
  prompt: UpdatePrompt,
  reload: () => void,
): void {
  let accepted = false;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    // The new version took over after "Reload": load the page it serves. (The first install
    // also changes the controller, when it claims the page: that must not reload the game.)
    if (!accepted || reloading) return;
    reloading = true;
    reload();
  });
  const offer = (worker: ServiceWorker): void => {
    if (container.controller === null) return; // first install: nothing to update
    prompt.show(() => {
      accepted = true;
      worker.postMessage({ type: 'skip-waiting' });
    });
  };
  if (registration.waiting !== null) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    if (worker === null) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
}

/** Registers the worker when this is a production build on a page that can have one. */
export async function registerServiceWorker(
  win: Window & typeof globalThis = window,
): Promise<RegistrationLike | null> {
  if (!import.meta.env.PROD) return null;
  const container = win.navigator.serviceWorker as ContainerLike | undefined;
  if (container === undefined || !win.isSecureContext) return null;
  try {
    const registration = await container.register(
      new URL(SERVICE_WORKER_URL, win.document.baseURI).href,
      { scope: './' },
    );
    watchForUpdates(registration, container, domUpdatePrompt(win.document), () =>
      win.location.reload(),
    );
    // A game left open for days still hears about a new version when it comes back.
    win.document.addEventListener('visibilitychange', () => {
      if (win.document.visibilityState === 'visible') void registration.update().catch(() => {});
    });
    return registration;
  } catch (error) {
    console.warn('offline support unavailable:', error);
    return null;
  }
}
