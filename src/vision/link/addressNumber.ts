/**
 * A number the page address gives for comparisons and tests (`?engineSlowerBy=4`,
 * `?headThreads=2`): each reader says what range it takes and what it does without one.
 */

/** The finite number `name` holds in the page address, or null (absent, nonsense, no address). */
export function numberInAddress(pageUrl: string, name: string): number | null {
  let asked: string | null;
  try {
    asked = new URL(pageUrl).searchParams.get(name);
  } catch {
    return null;
  }
  const value = Number(asked);
  return asked === null || !Number.isFinite(value) ? null : value;
}
