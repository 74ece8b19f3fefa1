/**
 * The bench's Chromium: headless, its camera the fake clip at `clipPath`, every page with the
 * bench's probe (pageProbe.ts) installed before the game's own scripts. Shared by the speed
 * bench and tools/page-profile.ts, so both measure the same browser.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath, QUIET_FLAGS } from '../../tests/browser/chromium';
import { installProbe, PROBE_CELLS } from './pageProbe';

export async function launchBenchBrowser(
  profileDir: string,
  clipPath: string,
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1000, height: 800 },
    args: [
      ...QUIET_FLAGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${clipPath}`,
    ],
  });
  // tsx names functions through a helper (__name) that the page lacks: give it one.
  await context.addInitScript({
    content: `globalThis.__name ??= (f) => f; (${installProbe.toString()})(${JSON.stringify(PROBE_CELLS)});`,
  });
  return context;
}
