/** A set of listeners for one kind of news; `add` returns how to stop listening. */
export class Listeners<T> {
  private readonly listeners = new Set<(news: T) => void>();

  add(listener: (news: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  tell(news: T): void {
    for (const listener of this.listeners) listener(news);
  }
}
