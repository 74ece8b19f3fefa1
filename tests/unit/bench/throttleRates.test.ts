import { describe, expect, it } from 'vitest';
import { cpuThrottleRates, engineThrottled } from '../../../bench/throttleRates';

describe("the bench's --cpu-throttle", () => {
  it('runs unthrottled when not asked', () => {
    expect(cpuThrottleRates([])).toEqual([1]);
  });

  it('takes one rate or several, in the order given', () => {
    expect(cpuThrottleRates(['--cpu-throttle', '4'])).toEqual([4]);
    expect(cpuThrottleRates(['--cpu-throttle', '1,4'])).toEqual([1, 4]);
    expect(cpuThrottleRates(['--cpu-throttle=4, 1'])).toEqual([4, 1]);
    expect(cpuThrottleRates(['--cpu-throttle', '4,4'])).toEqual([4]);
  });

  it('refuses a rate that is not a slowdown', () => {
    expect(() => cpuThrottleRates(['--cpu-throttle', '0.5'])).toThrow(/rates of 1 or more/);
    expect(() => cpuThrottleRates(['--cpu-throttle', 'fast'])).toThrow(/rates of 1 or more/);
    expect(() => cpuThrottleRates(['--cpu-throttle'])).toThrow(/rates of 1 or more/);
  });
});

describe('whether a throttled bench slows the inference engine too', () => {
  it('does, unless --engine-full-speed asks for the page alone', () => {
    expect(engineThrottled(['--cpu-throttle', '4'])).toBe(true);
    expect(engineThrottled(['--cpu-throttle', '4', '--engine-full-speed'])).toBe(false);
  });
});
