// A camera that follows the screen: a player who does exactly what the game asks. Chromium's
// fake capture plays a fixed clip and cannot react to a countdown, so the page's
// getUserMedia is replaced before the game loads (RECIPES.md, "A camera that follows the
// screen") by a 640x480 canvas stream repainted every 33 ms with Pointing'04 photos of one
// person and series, the pose set by the test: a new photo of the pose every third of a second,
// from the first again whenever a recording begins (so a player who looks straight when asked
// to turn shows what the neutral recording saw). Each repaint changes a corner pixel, so every
// frame is new. The photos travel as JPEG bytes and are decoded in the page with
// createImageBitmap (a data: URL would meet the game's Content-Security-Policy).
//
// `follow` is the player: it reads what the screen asks (the big countdown's pose while it
// shows; the start pose while the head hint says "Hold up for 1 second to ..."; straight ahead
// otherwise) and shows it. Photos: Gourier, Hall & Crowley, Pointing 2004 (ICPR workshop).
//
// Options (tools/play-trial.ts; the tests use the defaults above): another frame size and a head
// held still (one photo per pose, except while straight ahead is recorded looking round the
// screen); `setLight` puts the room's light on every frame from then on. Every frame that first shows another
// pose or photo is noted in page time (`__camera.paints`), so the game's answer can be timed
// from the moment the camera showed the change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { readLive } from '../chromium';
import { clearPhotos, pointing04Dir, POSES, readPhotos, type Pose } from './fakeCamera';

/** What the camera shows: a pose of the person, or an empty room. */
export type Shown = Pose | 'nobody';

/** The room's light on every frame: out = in x gain (per channel) + offset + noise. */
export interface CameraLight {
  readonly gain: readonly [r: number, g: number, b: number];
  readonly offset: number;
  /** Standard deviation of the sensor noise per channel and pixel, fresh every frame. */
  readonly noise: number;
}

export interface CameraOptions {
  /** The frame's size, the photo scaled to fill it (default 640x480). */
  readonly width?: number;
  readonly height?: number;
  /**
   * A head held still: the photo `show` names stays on screen (default: a new photo every third
   * of a second). Only while straight ahead is recorded looking round the screen (the
   * countdown's dot travels) does the camera show the straight photos one after another.
   */
  readonly holdStill?: boolean;
}

/** Replaces the page's camera with the canvas (call before the page loads). */
export async function installFollowingCamera(
  context: BrowserContext,
  options: CameraOptions = {},
): Promise<void> {
  // No named functions in here: tsx, which runs the tools, wraps them in a helper the page lacks.
  await context.addInitScript((options: CameraOptions) => {
    const width = options.width ?? 640;
    const height = options.height ?? 480;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const paint = canvas.getContext('2d') as CanvasRenderingContext2D;
    const camera = {
      width,
      height,
      shown: 'nobody',
      /** The photo held still (holdStill only). */
      held: 0,
      photos: {} as Record<string, ImageBitmap[]>,
      frame: 0,
      /** The frame the photos' round began on (restarted when a recording begins). */
      roundFrom: 0,
      /** When a look round the screen began (page time), or -1 when none is under way. */
      lookFrom: -1,
      /** Each frame that first showed another pose or photo: page time, performance.now(). */
      paints: [] as { shown: string; photo: number; at: number }[],
      /** The room's light and its noise (setLight). */
      light: null as CameraLight | null,
      noise: new Float32Array(0),
    };
    (window as unknown as { __camera: typeof camera }).__camera = camera;
    let painted = '';
    setInterval(() => {
      paint.fillStyle = '#808080';
      paint.fillRect(0, 0, width, height);
      const photos = camera.photos[camera.shown] ?? [];
      let index: number;
      if (options.holdStill) {
        const looking =
          camera.shown === 'neutral' &&
          [...document.querySelectorAll<HTMLElement>('.is-looking-round')].some((e) => !e.hidden);
        if (looking && camera.lookFrom < 0) camera.lookFrom = performance.now();
        if (!looking) camera.lookFrom = -1;
        // The eyes follow the dot: a new straight photo every third of a second (of the clock:
        // on a busy machine the timer fires less often than 30 times a second).
        index = looking ? Math.floor((performance.now() - camera.lookFrom) / 333) : camera.held;
      } else {
        // A new photo of the pose every third of a second, as a head never holds quite still.
        index = Math.floor((camera.frame - camera.roundFrom) / 10);
      }
      const photoIndex = index % Math.max(1, photos.length);
      const photo = photos[photoIndex];
      if (photo) paint.drawImage(photo, 0, 0, width, height);
      const light = camera.light;
      if (light) {
        const image = paint.getImageData(0, 0, width, height);
        const pixels = image.data;
        const noise = camera.noise;
        const start = Math.floor(Math.random() * Math.max(0, noise.length - pixels.length));
        for (let i = 0; i < pixels.length; i++) {
          const channel = i % 4;
          if (channel === 3) continue;
          // The Uint8ClampedArray rounds and clamps to 0..255, as a sensor does.
          pixels[i] =
            (pixels[i] ?? 0) * (light.gain[channel] ?? 1) + light.offset + (noise[start + i] ?? 0);
        }
        paint.putImageData(image, 0, 0);
      }
      const now = `${camera.shown}#${photoIndex}`;
      if (now !== painted) {
        camera.paints.push({ shown: camera.shown, photo: photoIndex, at: performance.now() });
        painted = now;
      }
      paint.fillStyle = camera.frame % 2 === 0 ? '#7e7e7e' : '#828282';
      paint.fillRect(0, 0, 2, 2);
      camera.frame++;
    }, 33);
    const devices = navigator.mediaDevices;
    if (!devices) return;
    devices.getUserMedia = async () => canvas.captureStream(30);
    devices.enumerateDevices = async () => [
      {
        deviceId: 'following-camera',
        groupId: 'following-camera',
        kind: 'videoinput',
        label: 'A camera that follows the screen',
        toJSON() {
          return this;
        },
      } as MediaDeviceInfo,
    ];
  }, options);
}

/**
 * From now on every frame is seen in this light (null: as the photos were taken), with fresh
 * sensor noise each frame: Gaussian noise drawn once, twice a frame's worth, read from a new
 * place every frame (drawing a third of a million numbers 30 times a second would load the
 * page the game runs in).
 */
export async function setLight(page: Page, light: CameraLight | null): Promise<void> {
  await page.evaluate((light) => {
    const camera = (
      window as unknown as {
        __camera: { width: number; height: number; light: CameraLight | null; noise: Float32Array };
      }
    ).__camera;
    camera.noise = new Float32Array(light ? 2 * camera.width * camera.height * 4 : 0);
    for (let i = 0; i < camera.noise.length; i++) {
      const u = Math.max(1e-12, Math.random());
      camera.noise[i] =
        (light?.noise ?? 0) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * Math.random());
    }
    camera.light = light;
  }, light);
}

/** Hands the page the photos of `person`'s `series`: each pose's clear photos. */
export async function loadPhotos(page: Page, person: string, series: number): Promise<void> {
  const all = readPhotos(pointing04Dir());
  const byPose: Record<string, string[]> = {};
  for (const pose of POSES) {
    byPose[pose] = clearPhotos(all, person, series, pose).map((photo) => photo.file);
  }
  await loadPhotoFiles(page, byPose);
}

/** Hands the page these Pointing'04 photos (file names) for each pose, in this order. */
export async function loadPhotoFiles(
  page: Page,
  files: Readonly<Record<string, readonly string[]>>,
): Promise<void> {
  const dir = pointing04Dir();
  const byPose: Record<string, string[]> = {};
  for (const [pose, list] of Object.entries(files)) {
    byPose[pose] = list.map((file) => readFileSync(join(dir, file)).toString('base64'));
  }
  await page.evaluate(async (photos) => {
    const camera = (window as unknown as { __camera: { photos: Record<string, ImageBitmap[]> } })
      .__camera;
    for (const [pose, list] of Object.entries(photos)) {
      camera.photos[pose] = await Promise.all(
        list.map((base64) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          return createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
        }),
      );
    }
  }, byPose);
}

/** Shows `shown`; with `holdStill`, its photo number `photo` (of those loaded) held still. */
export async function show(page: Page, shown: Shown, photo = 0): Promise<void> {
  await page.evaluate(
    ([value, held]) => {
      const camera = (window as unknown as { __camera: { shown: string; held: number } }).__camera;
      camera.shown = value;
      camera.held = held;
    },
    [shown, photo] as const,
  );
}

/**
 * The pose's photos from the first again: each recording sees them in the same order, so a
 * player who looks straight when asked to turn shows what the neutral recording saw.
 */
async function restartRound(page: Page): Promise<void> {
  await page.evaluate(() => {
    const camera = (window as unknown as { __camera: { frame: number; roundFrom: number } })
      .__camera;
    camera.roundFrom = camera.frame;
  });
}

/** What the screen asks of the player now. */
export async function askedFor(
  page: Page,
): Promise<{ countdown: Pose | null; recording: boolean; hint: string }> {
  const { countdown, recording } = await page.evaluate(() => {
    // The calibration screen's countdown and the touch-up's (same part, another test id).
    const countdowns = '[data-testid="big-countdown"], [data-testid="touch-up-countdown"]';
    const big = [...document.querySelectorAll<HTMLElement>(countdowns)].find(
      (element) => !element.hidden && element.dataset.pose,
    );
    return {
      countdown: big?.dataset.pose ?? null,
      // The calibration screen's recordings only: the touch-up's keep the running round.
      recording:
        (big?.dataset.testid === 'big-countdown' && big.classList.contains('is-recording')) ??
        false,
    };
  });
  return {
    countdown: countdown as Pose | null,
    recording,
    hint: await readLive(page, 'head-hint'),
  };
}

export interface Following {
  /** Stops following (resolves once the loop has ended). */
  stop(): Promise<void>;
  /** Every head hint read, in order, without repeats. */
  readonly hints: string[];
  /** Every pose the camera was asked to show, in order, without repeats. */
  readonly shown: Shown[];
  /** Set: the player shows this whatever the screen asks (leaves the room, say); null: follows. */
  override: Shown | null;
}

/**
 * The player: shows what the screen asks, ten times a second, until stopped. `mistake` makes
 * the player show another pose whenever one pose is asked for, until the screen asks to record
 * that pose again (a player who got it wrong until told), to test what a poor recording leads
 * to. (Until told, not only the first time: the screen may count a pose down twice, and a
 * player who showed it right the second time would make the check good.)
 */
export function follow(page: Page, mistake?: { asked: Pose; showing: Pose }): Following {
  const hints: string[] = [];
  const shownTrail: Shown[] = [];
  let running = true;
  const following: Following = {
    hints,
    shown: shownTrail,
    override: null,
    async stop() {
      running = false;
      await loop;
    },
  };
  let mistakeDone = false;
  const toldAgain = mistake && new RegExp(`record ${mistake.asked} again`, 'i');
  let holding = false;
  let recording = false;
  let lastAsked = Date.now();
  const loop = (async () => {
    while (running) {
      const asked = await askedFor(page).catch(() => null);
      if (asked === null) {
        // A reload or a navigation under way: the page answers again in a moment.
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      if (asked.hint !== hints.at(-1)) hints.push(asked.hint);
      if (toldAgain && toldAgain.test(asked.hint)) mistakeDone = true;
      let wanted: Shown = following.override ?? 'neutral';
      const hold = /Hold (up|down|left|right) for 1 second to/.exec(asked.hint);
      if (following.override !== null) {
        holding = false;
      } else if (asked.countdown !== null) {
        wanted = asked.countdown;
        holding = false;
        lastAsked = Date.now();
        if (mistake && !mistakeDone && wanted === mistake.asked) wanted = mistake.showing;
      } else if (hold && (holding || Date.now() - lastAsked > 1000)) {
        // A player looks straight for a moment after a recording, then holds as asked.
        holding = true;
        wanted = hold[1] as Pose;
      } else {
        holding = false;
      }
      // A recording begins: the photos of what is shown start their round again.
      if (asked.recording && !recording) await restartRound(page).catch(() => undefined);
      recording = asked.recording;
      if (wanted !== shownTrail.at(-1)) shownTrail.push(wanted);
      // Every time: a reloaded page starts its camera afresh, showing nobody.
      await show(page, wanted).catch(() => undefined);
      await page.waitForTimeout(100).catch(() => undefined);
    }
  })();
  return following;
}
