/** The rules advance in fixed 1/60 s ticks, like the arcade's video frames. */
export const TICKS_PER_SECOND = 60;
