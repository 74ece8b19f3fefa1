export * from './inputHub';
export * from './keyboardSource';
export * from './swipeSource';
export * from './dpad';
export * from './gamepadSource';
export * from './defaultInputs';
