import { describe, expect, it } from 'vitest';
import { cpuThrottleRates } from '../../../bench/throttleRates';

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
