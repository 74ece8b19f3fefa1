/**
 * Speaking short cues aloud with the Web Speech API, with voices that run on the device only.
 * A voice whose `localService` is not true may send the text to a server to be spoken: it is
 * never used, not even as the browser's default (every utterance names its voice). The voice
 * is one for the page's language; without one, say() returns false and the caller plays tones
 * instead (English words read by, say, a German voice would not help).
 *
 * Browsers load their voices after the page (Chrome lists none at first, then fires
 * `voiceschanged`): the list is read again on that event, and whenever it is still empty.
 */

/** What is used of `window.speechSynthesis` (a fake in tests). */
export interface SpeechLike {
  getVoices(): SpeechSynthesisVoice[];
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  addEventListener(type: 'voiceschanged', listener: () => void): void;
}

/** Makes an utterance (the browser's SpeechSynthesisUtterance; a plain object in tests). */
export type UtteranceMaker = (text: string) => SpeechSynthesisUtterance;

type VoiceInfo = Pick<SpeechSynthesisVoice, 'lang' | 'localService' | 'default'>;

/** 'en_US' and 'en-us' alike become 'en-us'. */
function normalLang(lang: string): string {
  return lang.replace(/_/g, '-').toLowerCase();
}

/**
 * The device's own voice for `lang` (e.g. the page's 'en' or 'en-GB'): the same language and
 * region first, then the same language; the browser's default among equals. Null when no voice
 * that runs on the device speaks the language.
 */
export function pickLocalVoice<V extends VoiceInfo>(voices: readonly V[], lang: string): V | null {
  const wanted = normalLang(lang);
  const base = wanted.split('-')[0] ?? wanted;
  const local = voices.filter((voice) => voice.localService === true);
  const exact = local.filter((voice) => normalLang(voice.lang) === wanted);
  const sameLanguage = local.filter((voice) => normalLang(voice.lang).split('-')[0] === base);
  for (const candidates of [exact, sameLanguage]) {
    const chosen = candidates.find((voice) => voice.default) ?? candidates[0];
    if (chosen !== undefined) return chosen;
  }
  return null;
}

export class LocalSpeech {
  private voices: SpeechSynthesisVoice[] = [];

  /** `speech` null: the browser has no Web Speech API; say() always returns false. */
  constructor(
    private readonly speech: SpeechLike | null,
    private readonly lang: string,
    private readonly makeUtterance: UtteranceMaker,
  ) {
    if (speech === null) return;
    try {
      this.voices = speech.getVoices();
      speech.addEventListener('voiceschanged', () => {
        this.voices = speech.getVoices();
      });
    } catch {
      // A broken speech API speaks nothing: the cues fall back to tones.
    }
  }

  /** The voice say() would use now, or null. */
  voice(): SpeechSynthesisVoice | null {
    if (this.speech === null) return null;
    if (this.voices.length === 0) {
      try {
        this.voices = this.speech.getVoices();
      } catch {
        return null;
      }
    }
    return pickLocalVoice(this.voices, this.lang);
  }

  /** Queues `text` to be spoken by a voice on the device; false when there is none. */
  say(text: string): boolean {
    const voice = this.voice();
    if (voice === null || this.speech === null) return false;
    try {
      const utterance = this.makeUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      this.speech.speak(utterance);
      return true;
    } catch {
      return false;
    }
  }

  /** Stops what is being said and drops what is queued. */
  stop(): void {
    try {
      this.speech?.cancel();
    } catch {
      // Nothing to stop.
    }
  }
}
