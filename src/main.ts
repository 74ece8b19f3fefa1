/**
 * HEADCHOMP's entry point: wires the shared services (input, sound, scores, the live
 * region, head control) to the page and starts the game. Everything else lives in the scenes.
 */
import { GameSounds } from './audio/gameSounds';
import { SoundEngine } from './audio/soundEngine';
import { LocalSpeech } from './audio/localSpeech';
import { unlockAudioOnGesture } from './audio/unlockAudio';
import { addDefaultInputs } from './input/defaultInputs';
import { isTouchDevice } from './input/dpad';
import { InputHub } from './input/inputHub';
import { headSignalsOf } from './handsFree/headControlSignals';
import { followHoldTime } from './handsFree/holdTime';
import { createGame } from './scenes/createGame';
import { registerServiceWorker } from './pwa/serviceWorker';
import { HighScoreTable } from './storage/highScores';
import { PlayerSettingsStore } from './storage/playerSettings';
import { createSafeStore } from './storage/safeStorage';
import { CalibrationScreen } from './ui/calibration/calibrationScreen';
import { PlayerCues } from './ui/calibration/handsFreeCues';
import { DebugOverlay } from './ui/debugOverlay';
import { HeadAlert } from './ui/headAlert';
import { HeadIndicator } from './ui/headIndicator';
import { HeadPreviewDock } from './ui/headPreview';
import { TouchUp } from './ui/touchUp/touchUp';
import { mountLiveRegion } from './ui/liveRegion';
import { SettingsPanel } from './ui/settings/settingsPanel';
import { settingRows } from './ui/settings/settingsRows';
import { wireSoundButton } from './ui/soundButton';
import { ScreenAwake } from './ui/wakeLock';
import { Camera } from './vision/camera/camera';
import { openEngine } from './vision/link/enginePort';
import { HeadControl } from './vision/headControl';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html lacks #${id}`);
  return found;
}

/** `?seed=123` replays the same ghost choices every game (handy for tests and demos). */
function seedSource(): () => number {
  const fixed = Number.parseInt(new URLSearchParams(location.search).get('seed') ?? '', 10);
  return Number.isFinite(fixed) ? () => fixed : () => Math.floor(Math.random() * 0x7fffffff);
}

const surface = element('game');
document.documentElement.classList.toggle('touch', isTouchDevice());

const store = createSafeStore();
const hub = new InputHub();
addDefaultInputs(hub, surface, element('dpad'));
const live = mountLiveRegion(document);
const sound = new SoundEngine({ store });

unlockAudioOnGesture(window, sound);
wireSoundButton(document.getElementById('sound-toggle'), sound);
hub.onAction((action) => {
  if (action === 'mute') sound.toggleMute();
});
hub.onDirection((direction) => live.set('direction', direction ?? 'none'));

// The screen stays awake while playing, and may sleep again on pause, game over or the menu.
const awake = new ScreenAwake(document);
live.onChange((field, text) => {
  if (field === 'game-state') awake.set(text === 'playing');
});

// Head control: nothing starts (no camera, no model download) until the player calibrates,
// or a saved calibration brings it back.
const head = new HeadControl({
  hub,
  live,
  storage: store,
  camera: new Camera(document),
  doc: document,
  pageUrl: document.baseURI,
  // `?headWorker=off` runs the engine on the main thread, as browsers without workers do.
  openEngine: (preferWorker) =>
    openEngine(preferWorker && new URLSearchParams(location.search).get('headWorker') !== 'off'),
});
const settings = new PlayerSettingsStore(store);
// Every hold to choose, on every screen, takes the player's hold time.
followHoldTime(settings);
// The hands-free calibration speaks each step with a voice on the device, or plays tones.
const cues = new PlayerCues(
  sound,
  new LocalSpeech(
    'speechSynthesis' in window ? window.speechSynthesis : null,
    document.documentElement.lang || navigator.language,
    (text) => new SpeechSynthesisUtterance(text),
  ),
  { voiceWanted: () => settings.value.voiceCues },
);
const calibration = new CalibrationScreen(document, element('app'), head, cues);
const settingsPanel = new SettingsPanel(
  document,
  element('app'),
  settingRows(sound, settings, head),
  settings,
);
sound.onMuteChange(() => settingsPanel.refresh());
head.onChange(() => settingsPanel.refresh());
const headPreview = new HeadPreviewDock(document, head, () => calibration.isOpen);
new HeadIndicator(document, headPreview.element, head);
new DebugOverlay(document, head);
new HeadAlert(document, head);
void head.restore();

createGame(surface, {
  hub,
  sound,
  gameSounds: new GameSounds(sound),
  live,
  scores: new HighScoreTable(store),
  seed: seedSource(),
  head,
  calibration,
  headPreview,
  // Hands-free play reads the head through HeadSignals (steering, held pose, face seen).
  signals: headSignalsOf(head),
  touchUp: new TouchUp(document, head, cues),
  settings,
  settingsPanel,
});

// Offline play and the update prompt (production builds on https or localhost only).
void registerServiceWorker();
