// Phaser's own CommonJS source files (node_modules/phaser/src/...), which the package's
// "exports" keeps from TypeScript and Vite alike: build/phaserSource.ts points Vite at them,
// and this gives them a type. Only phaser.ts imports them, and it gives them Phaser's types.
declare module 'phaser/src/*' {
  const part: unknown;
  export default part;
}
