// A stand-in for the page's voice and tones, for tests of the hands-free cues: speechSynthesis
// whose voices are one on the device and one remote (the browser's default), or none, logging
// every utterance with the voice it named; and every oscillator the page starts, logged with
// the frequencies set on it.
import type { BrowserContext, Page } from 'playwright-core';

export const LOCAL_VOICE = 'Test voice on this device';
export const REMOTE_VOICE = 'Test voice in the cloud';

export interface Utterance {
  text: string;
  voice: string | null;
  local: boolean | null;
}
export interface Oscillator {
  type: string;
  frequencies: number[];
}

/**
 * Replaces speechSynthesis with a stand-in whose voices load a moment after the page (as
 * Chrome's do, with voiceschanged): one on the device and one remote (the browser's default),
 * or none. Every utterance is logged with the voice it named. Also logs every oscillator the
 * page starts, with the frequencies set on it.
 */
export async function instrument(context: BrowserContext, withVoices: boolean): Promise<void> {
  await context.addInitScript(
    ({ withVoices, local, remote }) => {
      const spoken: Utterance[] = [];
      const oscillators: Oscillator[] = [];
      Object.assign(window, { __spoken: spoken, __oscillators: oscillators });

      class Speech extends EventTarget {
        voices: object[] = [];
        getVoices() {
          return this.voices;
        }
        speak(utterance: { text: string; voice: { name: string; localService: boolean } | null }) {
          const voice = utterance.voice;
          spoken.push({
            text: utterance.text,
            voice: voice?.name ?? null,
            local: voice?.localService ?? null,
          });
        }
        cancel() {}
      }
      const speech = new Speech();
      Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
      // The real utterance accepts only the browser's own voice objects.
      class PlainUtterance {
        voice: unknown = null;
        lang = '';
        constructor(readonly text: string) {}
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', {
        value: PlainUtterance,
        configurable: true,
      });
      if (withVoices) {
        setTimeout(() => {
          speech.voices = [
            { name: remote, lang: 'en-US', localService: false, default: true, voiceURI: remote },
            { name: local, lang: 'en-US', localService: true, default: false, voiceURI: local },
          ];
          speech.dispatchEvent(new Event('voiceschanged'));
        }, 300);
      }

      const create = BaseAudioContext.prototype.createOscillator;
      BaseAudioContext.prototype.createOscillator = function (this: BaseAudioContext) {
        const oscillator = create.call(this);
        const entry: Oscillator = { type: '', frequencies: [] };
        const frequency = oscillator.frequency;
        const set = frequency.setValueAtTime.bind(frequency);
        frequency.setValueAtTime = (value, time) => {
          entry.frequencies.push(value);
          return set(value, time);
        };
        const ramp = frequency.exponentialRampToValueAtTime.bind(frequency);
        frequency.exponentialRampToValueAtTime = (value, time) => {
          entry.frequencies.push(value);
          return ramp(value, time);
        };
        const start = oscillator.start.bind(oscillator);
        oscillator.start = (when?: number) => {
          entry.type = oscillator.type;
          oscillators.push(entry);
          start(when);
        };
        return oscillator;
      };
    },
    { withVoices, local: LOCAL_VOICE, remote: REMOTE_VOICE },
  );
}

export function spoken(page: Page): Promise<Utterance[]> {
  return page.evaluate(() => (window as unknown as { __spoken: Utterance[] }).__spoken);
}

export function oscillators(page: Page): Promise<Oscillator[]> {
  return page.evaluate(() => (window as unknown as { __oscillators: Oscillator[] }).__oscillators);
}
