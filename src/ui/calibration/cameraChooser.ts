/**
 * Choosing the camera, shown only where there are several (a phone's front and back ones): a
 * picker of every camera by name, and "Switch camera", which goes to the next one in one tap.
 * The list is read once, when the camera first runs (before that, browsers hide the names).
 */
import type { HeadControl } from '../../vision/headControl';
import { make, makeButton } from './dom';

/** What the chooser needs of head control. */
export type CameraHead = Pick<
  HeadControl,
  'cameras' | 'chooseCamera' | 'chosenCamera' | 'video' | 'headState' | 'isOn'
>;

export class CameraChooser {
  /** The picker (in its label) and the switch button, in that order. */
  readonly elements: readonly HTMLElement[];
  private readonly picker: HTMLSelectElement;
  private readonly pickerLabel: HTMLElement;
  private readonly switchButton: HTMLButtonElement;
  private list: readonly { deviceId: string; label: string }[] = [];
  private listed = false;

  constructor(
    private readonly doc: Document,
    private readonly head: CameraHead,
  ) {
    this.pickerLabel = make(doc, 'label', 'cal-picker', 'Camera ');
    this.picker = make(doc, 'select', 'cal-select');
    this.picker.dataset.testid = 'camera-picker';
    this.picker.addEventListener('change', () => {
      void this.head.chooseCamera(this.picker.value);
    });
    this.pickerLabel.append(this.picker);
    this.pickerLabel.hidden = true;
    this.switchButton = makeButton(doc, 'Switch camera', 'cal-switch-camera', () => {
      void this.nextCamera();
    });
    this.switchButton.dataset.testid = 'switch-camera';
    this.switchButton.hidden = true;
    this.elements = [this.pickerLabel, this.switchButton];
  }

  /** Lists the cameras once the camera is running and the screen is open. */
  render(screenOpen: boolean): void {
    const head = this.head;
    if (!this.listed && screenOpen && head.headState.kind !== 'starting-camera' && head.isOn) {
      this.listed = true;
      void this.listCameras();
    }
  }

  private async listCameras(): Promise<void> {
    const cameras = await this.head.cameras();
    this.pickerLabel.hidden = cameras.length < 2;
    this.list = cameras;
    this.switchButton.hidden = cameras.length < 2;
    this.picker.replaceChildren(
      ...cameras.map((camera) => {
        const option = this.doc.createElement('option');
        option.value = camera.deviceId;
        option.textContent = camera.label;
        option.selected = camera.deviceId === this.head.chosenCamera;
        return option;
      }),
    );
  }

  /** The camera in use now (the chosen one, or the one the browser picked for 'user'). */
  private currentCamera(): string | null {
    const stream = this.head.video.srcObject as Partial<MediaStream> | null;
    const track = stream?.getVideoTracks?.()[0];
    return track?.getSettings().deviceId ?? this.head.chosenCamera;
  }

  private async nextCamera(): Promise<void> {
    const list = this.list;
    if (list.length < 2) return;
    const at = list.findIndex((camera) => camera.deviceId === this.currentCamera());
    const next = list[(at + 1) % list.length];
    if (next === undefined) return;
    this.picker.value = next.deviceId;
    await this.head.chooseCamera(next.deviceId);
  }
}
