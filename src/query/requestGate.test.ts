import { RequestGate } from './requestGate';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

describe('RequestGate', () => {
  afterEach(() => setVisibility('visible'));

  it('never runs more than `concurrency` requests at once, in order', async () => {
    const gate = new RequestGate({ concurrency: 3 });
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const signal = new AbortController().signal;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gate.run({
          signal,
          send: async () => {
            running++;
            peak = Math.max(peak, running);
            order.push(i);
            await new Promise(r => setTimeout(r, 5));
            running--;
          },
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('drops a waiting request whose signal is aborted, without sending it', async () => {
    const gate = new RequestGate({ concurrency: 1 });
    const first = deferred();
    const sent: number[] = [];
    const a = gate.run({ signal: new AbortController().signal, send: () => {
        sent.push(1);
        return first.promise;
      },
    });
    const controller = new AbortController();
    const b = gate.run({ signal: controller.signal, send: async () => void sent.push(2) });
    controller.abort();
    await expect(b).rejects.toMatchObject({ name: 'AbortError' });
    first.resolve();
    await a;
    expect(sent).toEqual([1]);
  });

  it('starts nothing while the page is hidden, and resumes when it is shown', async () => {
    const gate = new RequestGate({ concurrency: 2 });
    setVisibility('hidden');
    const sent: number[] = [];
    const signal = new AbortController().signal;
    const runs = [1, 2, 3].map(n => gate.run({ signal, send: async () => void sent.push(n) }));
    await new Promise(r => setTimeout(r, 10));
    expect(sent).toEqual([]);
    setVisibility('visible');
    await Promise.all(runs);
    expect(sent).toEqual([1, 2, 3]);
  });
});
