/*
 * Tests only: the real test backend of `__testUtils__/harness` (the plugin
 * against the real fake CircleCI) with the actions registry replaced by
 * `actionsRegistryServiceMock`, so a test invokes the plugin's actions as
 * a given caller and counts what reached the fake.
 */
import { createServiceFactory, type BackstageCredentials } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { JsonObject, JsonValue } from '@backstage/types';
import { startHarness, type Harness, type HarnessOptions } from './harness';

/** A harness with the plugin's actions. */
export interface ActionsHarness extends Harness {
  registry: ReturnType<typeof actionsRegistryServiceMock>;
  /** Invokes `test:<name>` (the mock names every plugin `test`) as `credentials` (default: the mock user). */
  invoke(name: string, input: JsonObject, credentials?: BackstageCredentials): Promise<JsonValue>;
  /** The error an invocation throws (fails the test when it succeeds). */
  refusal(name: string, input: JsonObject, credentials?: BackstageCredentials): Promise<Error>;
}

/** Starts the harness with the actions registry mock. */
export async function startActionsHarness(options: HarnessOptions = {}): Promise<ActionsHarness> {
  const registry = actionsRegistryServiceMock();
  const h = await startHarness({
    ...options,
    features: [
      createServiceFactory({ service: actionsRegistryServiceRef, deps: {}, factory: () => registry }),
      ...(options.features ?? []),
    ],
  });
  const invoke = async (name: string, input: JsonObject, credentials: BackstageCredentials = mockCredentials.user()) =>
    (await registry.invoke({ id: `test:${name}`, input, credentials })).output;
  const refusal = async (name: string, input: JsonObject, credentials?: BackstageCredentials) => {
    try {
      await invoke(name, input, credentials);
    } catch (e) {
      return e as Error;
    }
    throw new Error(`${name} was not refused`);
  };
  return Object.assign(h, { registry, invoke, refusal });
}
