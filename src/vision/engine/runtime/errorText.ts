/** What went wrong, in words for the player's status line: an Error's message, or the value. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
