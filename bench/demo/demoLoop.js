// The baseline for the speed bench: the webcam Pac-Man demo's way of predicting, written anew
// for measuring (not copied): the Keras MobileNet v1 0.25 layers model cut at conv_pw_13_relu,
// a dense head (flatten -> dense 100 relu -> dense 5 softmax) and ONE PREDICTION PER ANIMATION
// FRAME on the main thread: capture the camera frame, crop it square, 224x224, scale to [-1, 1],
// predict, read the arg max back, wait for the next frame, repeat.
//
// ?backend=wasm|webgl|cpu. Results on window.__demo for the bench to read.
/* global tf */
'use strict';

const params = new URLSearchParams(location.search);
const backend = params.get('backend') ?? 'wasm';
const stats = {
  backend: null,
  ready: false,
  error: null,
  msPerPrediction: [],
  predictionTimes: [],
  distinctFrames: 0,
  frameIntervals: [],
  tensors: [],
  startedAt: null,
};
window.__demo = stats;

function recordFrames() {
  let last = null;
  const step = (now) => {
    if (last !== null) stats.frameIntervals.push(now - last);
    last = now;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

async function openCamera(video) {
  video.srcObject = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'user', width: 640, height: 480 },
    audio: false,
  });
  await new Promise((resolve) => {
    if (video.readyState >= 2) resolve();
    else video.addEventListener('loadeddata', () => resolve(), { once: true });
  });
  await video.play();
}

async function truncatedMobileNet() {
  const mobilenet = await tf.loadLayersModel('/layers-model/model.json');
  const cut = mobilenet.getLayer('conv_pw_13_relu');
  return tf.model({ inputs: mobilenet.inputs, outputs: cut.output });
}

function denseHead() {
  return tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [7, 7, 256] }),
      tf.layers.dense({ units: 100, activation: 'relu', useBias: true }),
      tf.layers.dense({ units: 5, activation: 'softmax', useBias: false }),
    ],
  });
}

/** The camera's frame, centre square, 224x224, values in [-1, 1], batch of one. */
function capture(video) {
  return tf.tidy(() => {
    const pixels = tf.browser.fromPixels(video);
    const [height, width] = pixels.shape;
    const size = Math.min(height, width);
    const square = tf.slice(
      pixels,
      [Math.floor((height - size) / 2), Math.floor((width - size) / 2), 0],
      [size, size, 3],
    );
    const resized = tf.image.resizeBilinear(square, [224, 224]);
    return tf.sub(tf.div(tf.cast(tf.expandDims(resized, 0), 'float32'), 127), 1);
  });
}

async function main() {
  tf.wasm.setWasmPaths('/vendor/');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not start`);
  await tf.ready();
  stats.backend = tf.getBackend();
  const video = document.getElementById('camera');
  await openCamera(video);
  const features = await truncatedMobileNet();
  const head = denseHead();
  // Warm-up: the first pass compiles (webgl) or allocates.
  tf.tidy(() => head.predict(features.predict(capture(video)))).dispose();
  recordFrames();
  stats.ready = true;
  stats.startedAt = performance.now();
  let lastFrameTime = -1;
  for (;;) {
    const start = performance.now();
    if (video.currentTime !== lastFrameTime) {
      lastFrameTime = video.currentTime;
      stats.distinctFrames++;
    }
    const predicted = tf.tidy(() => {
      const image = capture(video);
      const map = features.predict(image);
      return tf.argMax(tf.reshape(head.predict(map), [-1]));
    });
    await predicted.data();
    predicted.dispose();
    const end = performance.now();
    stats.msPerPrediction.push(end - start);
    stats.predictionTimes.push(end);
    if (stats.msPerPrediction.length % 30 === 0) stats.tensors.push(tf.memory().numTensors);
    await tf.nextFrame();
  }
}

main().catch((error) => {
  stats.error = String(error?.stack ?? error);
});
