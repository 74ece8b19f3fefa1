/**
 * The hands-free run's clock: a 3-2-1 countdown, then the pose is recorded for 2 seconds. The
 * run keeps it (handsFreeRun.ts) and the cues know its first step by it (handsFreeCues.ts), so
 * it has a file of its own that both import.
 */
export const COUNTDOWN_SECONDS = 3;
export const HANDS_FREE_RECORD_MS = 2000;
/** A run gives up after this many countdowns (a camera that never delivers). */
export const HANDS_FREE_MAX_COUNTDOWNS = 15;
