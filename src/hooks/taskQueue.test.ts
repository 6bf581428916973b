import { TaskQueue } from './taskQueue';

describe('TaskQueue', () => {
  it('never runs more than `concurrency` tasks at once, in order', async () => {
    const queue = new TaskQueue({ concurrency: 3 });
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const done = Array.from({ length: 10 }, (_, i) =>
      new Promise<void>(resolve =>
        queue.push(async () => {
          running++;
          peak = Math.max(peak, running);
          order.push(i);
          await new Promise(r => setTimeout(r, 5));
          running--;
          resolve();
        }),
      ),
    );
    await Promise.all(done);
    expect(peak).toBe(3);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('drops tasks that have not started when closed', async () => {
    const queue = new TaskQueue({ concurrency: 1 });
    const ran: number[] = [];
    queue.push(async () => {
      ran.push(1);
      await new Promise(r => setTimeout(r, 5));
    });
    queue.push(async () => {
      ran.push(2);
    });
    queue.close();
    await new Promise(r => setTimeout(r, 20));
    expect(ran).toEqual([1]);
  });
});
