/**
 * The game's Phaser: only the parts the scenes use, taken from Phaser's own source modules.
 *
 * The published bundle (dist/phaser.esm.js) is all of Phaser in one module that cannot be
 * tree-shaken: physics, tilemaps, tweens, the loader, particles, filters, sound... about
 * 350 KiB of gzip JavaScript before the menu, for a game that draws its own textures in code
 * and listens to input and plays sound itself (InputHub, SoundEngine). Built from the source
 * modules below instead, with Phaser's build flags and a few stand-ins set in
 * build/phaserSource.ts, only what these modules reach comes in: JS before the menu went
 * from 407 to 190 KiB gzip.
 *
 * Every value the game takes from Phaser comes through here (`import Phaser from './phaser'`);
 * types still come from the package ('phaser' declares the global `Phaser` namespace). The
 * object below holds only the members the game uses, under their usual names, so a scene reads
 * as it would with the whole of Phaser: a member missing here is `undefined` at run time, and
 * a new kind of game object needs its factory imported below before `scene.add` knows it.
 *
 * Both renderers stay: WebGL where the browser has it, the Canvas renderer where it has none
 * (Phaser.AUTO), and Graphics bakes its textures through its canvas renderer in either case.
 */
import type PhaserTypes from 'phaser';
import CONST from 'phaser/src/const';
import CoreEvents from 'phaser/src/core/events';
import Game from 'phaser/src/core/Game';
import BitmapText from 'phaser/src/gameobjects/bitmaptext/static/BitmapText';
import RetroFont from 'phaser/src/gameobjects/bitmaptext/RetroFont';
import Graphics from 'phaser/src/gameobjects/graphics/Graphics';
import Image from 'phaser/src/gameobjects/image/Image';
import Vector2 from 'phaser/src/math/Vector2';
import Scale from 'phaser/src/scale';
import Scene from 'phaser/src/scene/Scene';
import SceneEvents from 'phaser/src/scene/events';

// A scene's plugins register themselves with Phaser when their module loads, and a scene gets
// only those that did. These are the ones the scenes need: their events, cameras, display and
// update lists, `this.add` / `this.make`, `this.scene`, and the clock of `this.time`. Left out:
// the scene's input plugin, the loader, tweens, lights and `this.data`.
import 'phaser/src/cameras/2d/CameraManager';
import 'phaser/src/events/EventEmitter';
import 'phaser/src/gameobjects/DisplayList';
import 'phaser/src/gameobjects/GameObjectCreator';
import 'phaser/src/gameobjects/GameObjectFactory';
import 'phaser/src/gameobjects/UpdateList';
import 'phaser/src/scene/ScenePlugin';
import 'phaser/src/time/Clock';

// The game objects that `scene.add` makes: images, graphics, bitmap text and rectangles.
import 'phaser/src/gameobjects/bitmaptext/static/BitmapTextFactory';
import 'phaser/src/gameobjects/graphics/GraphicsFactory';
import 'phaser/src/gameobjects/image/ImageFactory';
import 'phaser/src/gameobjects/shape/rectangle/RectangleFactory';

const parts = {
  ...(CONST as object),
  Core: { Events: CoreEvents },
  Game,
  GameObjects: { BitmapText, Graphics, Image, RetroFont },
  Math: { Vector2 },
  Scale,
  Scene,
  Scenes: { Events: SceneEvents },
};

// Typed as the whole of Phaser: the scenes use only what is above (see the note at the top).
const Phaser = parts as unknown as typeof PhaserTypes;
export default Phaser;
