/*
 * A gate for one kind of request: at most `concurrency` of them run at
 * once, in the order they asked, and none starts while the page is hidden.
 * A request whose signal is aborted while it waits leaves the line without
 * being sent.
 */
import { abortError } from '@circleci-backstage/plugin-circleci-common';

/** Options of {@link RequestGate.run}. */
export interface GateRunOptions<T> {
  /** Sends the request once the gate lets it through. */
  send: () => Promise<T>;
  /** Aborting it while the request waits drops it from the line. */
  signal: AbortSignal;
}

interface Waiter {
  start: () => void;
  cancel: () => void;
}

function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** See the file comment. */
export class RequestGate {
  private readonly concurrency: number;
  private readonly waiting: Waiter[] = [];
  private running = 0;
  private listening = false;

  constructor(options: { concurrency: number }) {
    this.concurrency = Math.max(1, options.concurrency);
  }

  /** How many requests are running now (for tests). */
  get active(): number {
    return this.running;
  }

  /** Runs `send` when a place is free and the page is visible. */
  run<T>(options: GateRunOptions<T>): Promise<T> {
    const { send, signal } = options;
    if (signal.aborted) return Promise.reject(abortError());
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal.removeEventListener('abort', waiter.cancel);
          this.running++;
          send()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.next();
            });
        },
        cancel: () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(abortError());
        },
      };
      signal.addEventListener('abort', waiter.cancel, { once: true });
      this.waiting.push(waiter);
      this.next();
    });
  }

  private next(): void {
    if (pageHidden()) {
      this.resumeWhenVisible();
      return;
    }
    while (this.running < this.concurrency && this.waiting.length > 0) {
      this.waiting.shift()!.start();
    }
  }

  private resumeWhenVisible(): void {
    if (this.listening || this.waiting.length === 0) return;
    this.listening = true;
    const onChange = () => {
      if (pageHidden()) return;
      document.removeEventListener('visibilitychange', onChange);
      this.listening = false;
      this.next();
    };
    document.addEventListener('visibilitychange', onChange);
  }
}

const gates = new WeakMap<object, Map<string, RequestGate>>();

/**
 * The gate called `name` of `owner` (the plugin's query client: one gate
 * per kind of request and per client), created on first use.
 */
export function gateOf(options: { owner: object; name: string; concurrency: number }): RequestGate {
  const { owner, name, concurrency } = options;
  let named = gates.get(owner);
  if (!named) {
    named = new Map();
    gates.set(owner, named);
  }
  let gate = named.get(name);
  if (!gate) {
    gate = new RequestGate({ concurrency });
    named.set(name, gate);
  }
  return gate;
}
