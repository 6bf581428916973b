import type { CircleCIApi } from './CircleCIApi';

type Options<K extends keyof CircleCIApi> = Parameters<CircleCIApi[K]>[0];
type Result<K extends keyof CircleCIApi> = ReturnType<CircleCIApi[K]>;

/**
 * A {@link CircleCIApi} that loads the real client (and its response checks)
 * on first use. The API factory runs when the app starts, for every entity
 * page; with this the client's code is only downloaded once the CircleCI tab
 * or a card actually makes a request.
 * @public
 */
export class LazyCircleCIClient implements CircleCIApi {
  private client?: Promise<CircleCIApi>;
  private readonly load: () => Promise<CircleCIApi>;

  constructor(options: { load: () => Promise<CircleCIApi> }) {
    this.load = options.load;
  }

  private get(): Promise<CircleCIApi> {
    if (!this.client) {
      this.client = this.load();
      // A failed chunk load (e.g. offline) may be retried on the next call.
      this.client.catch(() => {
        this.client = undefined;
      });
    }
    return this.client;
  }

  private run<K extends keyof CircleCIApi>(method: K, options: Options<K>): Result<K> {
    const called = this.get().then((client): Promise<unknown> => {
      const fn = client[method] as (o: Options<K>) => Promise<unknown>;
      return fn.call(client, options);
    });
    return called as Result<K>;
  }

  listPipelines(o: Options<'listPipelines'>) {
    return this.run('listPipelines', o);
  }
  getPipeline(o: Options<'getPipeline'>) {
    return this.run('getPipeline', o);
  }
  listWorkflows(o: Options<'listWorkflows'>) {
    return this.run('listWorkflows', o);
  }
  getWorkflow(o: Options<'getWorkflow'>) {
    return this.run('getWorkflow', o);
  }
  listJobs(o: Options<'listJobs'>) {
    return this.run('listJobs', o);
  }
  getJob(o: Options<'getJob'>) {
    return this.run('getJob', o);
  }
  listTests(o: Options<'listTests'>) {
    return this.run('listTests', o);
  }
  listArtifacts(o: Options<'listArtifacts'>) {
    return this.run('listArtifacts', o);
  }
  getJobSteps(o: Options<'getJobSteps'>) {
    return this.run('getJobSteps', o);
  }
  getStepOutput(o: Options<'getStepOutput'>) {
    return this.run('getStepOutput', o);
  }
  rerunWorkflow(o: Options<'rerunWorkflow'>) {
    return this.run('rerunWorkflow', o);
  }
  cancelWorkflow(o: Options<'cancelWorkflow'>) {
    return this.run('cancelWorkflow', o);
  }
  approveJob(o: Options<'approveJob'>) {
    return this.run('approveJob', o);
  }
  cancelJob(o: Options<'cancelJob'>) {
    return this.run('cancelJob', o);
  }
  triggerPipeline(o: Options<'triggerPipeline'>) {
    return this.run('triggerPipeline', o);
  }
  getMe(o?: Options<'getMe'>) {
    return this.run('getMe', o);
  }
}
