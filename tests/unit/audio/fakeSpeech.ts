// A stand-in for window.speechSynthesis in Node: voices that run on the device or not, voices
// that arrive later (voiceschanged), and a log of every utterance with the voice it named.
import type { SpeechLike, UtteranceMaker } from '../../../src/audio/localSpeech';

export function voice(
  name: string,
  lang: string,
  localService: boolean,
  isDefault = false,
): SpeechSynthesisVoice {
  return { name, lang, localService, default: isDefault, voiceURI: name };
}

export const makeUtterance: UtteranceMaker = (text) =>
  ({ text, voice: null, lang: '' }) as unknown as SpeechSynthesisUtterance;

export function fakeSpeech(initial: SpeechSynthesisVoice[]) {
  let voices = initial;
  const listeners: (() => void)[] = [];
  const spoken: { text: string; voice: string | null; local: boolean | null }[] = [];
  let cancels = 0;
  const speech: SpeechLike = {
    getVoices: () => voices,
    speak: (utterance) =>
      spoken.push({
        text: utterance.text,
        voice: utterance.voice?.name ?? null,
        local: utterance.voice?.localService ?? null,
      }),
    cancel: () => {
      cancels++;
    },
    addEventListener: (_type, listener) => listeners.push(listener),
  };
  return {
    speech,
    spoken,
    cancels: () => cancels,
    /** The browser finished loading its voices. */
    load(next: SpeechSynthesisVoice[]): void {
      voices = next;
      for (const listener of listeners) listener();
    },
  };
}
