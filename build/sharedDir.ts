/**
 * Where the team's shared data lives (the MobileNet weights, the Pointing'04 photos; read only,
 * never committed): $HEADCHOMP_SHARED_DIR when set, else `../shared` beside the checkout, else
 * /work/shared, the fixed place on the team's machines, so a clone made elsewhere (/tmp, say)
 * still finds it. One answer for the build, the tests, the tools and the bench.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const MACHINE_SHARED_DIR = '/work/shared';

export function sharedDir(
  root: string = process.cwd(),
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const configured = env.HEADCHOMP_SHARED_DIR?.trim();
  if (configured) return resolve(root, configured);
  const beside = resolve(root, '../shared');
  if (existsSync(beside) || !existsSync(MACHINE_SHARED_DIR)) return beside;
  return MACHINE_SHARED_DIR;
}
