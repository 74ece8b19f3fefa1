/**
 * `--cpu-throttle 4` or `--cpu-throttle=1,4` on the bench's command line: the CPU throttling
 * rates to run the speed part at, in order (1: unthrottled). Without the option: [1].
 */
export function cpuThrottleRates(args: readonly string[]): number[] {
  let text: string | null = null;
  args.forEach((arg, i) => {
    if (arg === '--cpu-throttle') text = args[i + 1] ?? '';
    else if (arg.startsWith('--cpu-throttle=')) text = arg.slice('--cpu-throttle='.length);
  });
  if (text === null) return [1];
  const rates = (text as string).split(',').map((part) => Number(part.trim()));
  if (rates.length === 0 || rates.some((rate) => !Number.isFinite(rate) || rate < 1)) {
    throw new Error(`--cpu-throttle wants rates of 1 or more, comma-separated (got "${text}")`);
  }
  return [...new Set(rates)];
}

/**
 * Whether a throttled run slows the inference engine too (bench/browser/throttle.ts): yes,
 * unless `--engine-full-speed` (Chromium's throttling alone, which leaves workers be).
 */
export function engineThrottled(args: readonly string[]): boolean {
  return !args.includes('--engine-full-speed');
}
