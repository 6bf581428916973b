/**
 * Runs tasks with at most `concurrency` of them at once, in the order they
 * were added.
 */
export class TaskQueue {
  private readonly pending: Array<() => Promise<void>> = [];
  private running = 0;
  private closed = false;
  private readonly concurrency: number;

  constructor(options: { concurrency: number }) {
    this.concurrency = Math.max(1, options.concurrency);
  }

  /** Adds a task. It is dropped if the queue is closed before it starts. */
  push(task: () => Promise<void>): void {
    if (this.closed) return;
    this.pending.push(task);
    this.next();
  }

  /** Drops every task that has not started. */
  close(): void {
    this.closed = true;
    this.pending.length = 0;
  }

  private next() {
    while (!this.closed && this.running < this.concurrency && this.pending.length) {
      const task = this.pending.shift()!;
      this.running++;
      task()
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.next();
        });
    }
  }
}
