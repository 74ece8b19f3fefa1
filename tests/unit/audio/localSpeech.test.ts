import { describe, expect, it } from 'vitest';
import { LocalSpeech, pickLocalVoice } from '../../../src/audio/localSpeech';
import { fakeSpeech, makeUtterance, voice } from './fakeSpeech';

const REMOTE_US = voice('Cloud US English', 'en-US', false, true);
const LOCAL_GB = voice('Device British', 'en-GB', true);
const LOCAL_US = voice('Device American', 'en-US', true);
const LOCAL_DE = voice('Gerät Deutsch', 'de-DE', true);

describe('choosing a voice', () => {
  it('takes only voices that run on the device, for the page language and region first', () => {
    expect(pickLocalVoice([REMOTE_US, LOCAL_GB, LOCAL_US], 'en-US')).toBe(LOCAL_US);
    expect(pickLocalVoice([REMOTE_US, LOCAL_GB, LOCAL_US], 'en-GB')).toBe(LOCAL_GB);
    expect(pickLocalVoice([REMOTE_US, LOCAL_GB], 'en-US')).toBe(LOCAL_GB);
    expect(pickLocalVoice([REMOTE_US, LOCAL_DE, LOCAL_GB], 'en')).toBe(LOCAL_GB);
  });

  it('never takes a voice that may send the text away, even the default one', () => {
    expect(pickLocalVoice([REMOTE_US], 'en-US')).toBeNull();
    const unknown = { ...LOCAL_US, localService: undefined as unknown as boolean };
    expect(pickLocalVoice([unknown], 'en-US')).toBeNull();
  });

  it('has no voice when the device speaks only other languages', () => {
    expect(pickLocalVoice([LOCAL_DE, REMOTE_US], 'en-US')).toBeNull();
  });

  it("prefers the browser's default among equals, and reads en_US like en-US", () => {
    const second = voice('Device American 2', 'en_US', true, true);
    expect(pickLocalVoice([LOCAL_US, second], 'en-us')).toBe(second);
  });
});

describe('speaking', () => {
  it('names the local voice on every utterance', () => {
    const fake = fakeSpeech([REMOTE_US, LOCAL_US]);
    const speech = new LocalSpeech(fake.speech, 'en-US', makeUtterance);
    expect(speech.say('Left in 3')).toBe(true);
    expect(fake.spoken).toEqual([{ text: 'Left in 3', voice: LOCAL_US.name, local: true }]);
  });

  it('says nothing, and says so, with remote voices only', () => {
    const fake = fakeSpeech([REMOTE_US]);
    const speech = new LocalSpeech(fake.speech, 'en-US', makeUtterance);
    expect(speech.say('Left in 3')).toBe(false);
    expect(fake.spoken).toEqual([]);
  });

  it('uses the voices the browser loads later (voiceschanged)', () => {
    const fake = fakeSpeech([]);
    const speech = new LocalSpeech(fake.speech, 'en-US', makeUtterance);
    expect(speech.voice()).toBeNull();
    fake.load([REMOTE_US, LOCAL_US]);
    expect(speech.voice()).toBe(LOCAL_US);
    fake.load([REMOTE_US]);
    expect(speech.say('Done')).toBe(false);
  });

  it('without the Web Speech API, says nothing and stops nothing', () => {
    const speech = new LocalSpeech(null, 'en-US', makeUtterance);
    expect(speech.say('Done')).toBe(false);
    expect(() => speech.stop()).not.toThrow();
  });

  it('stops what is being said', () => {
    const fake = fakeSpeech([LOCAL_US]);
    new LocalSpeech(fake.speech, 'en-US', makeUtterance).stop();
    expect(fake.cancels()).toBe(1);
  });
});
