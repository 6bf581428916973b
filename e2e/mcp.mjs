/*
 * The e2e test's MCP client: a real `@modelcontextprotocol/sdk` Client over
 * streamable HTTP to the dev backend's `@backstage/plugin-mcp-actions-backend`
 * (`/api/mcp-actions/v1`), with the static token of
 * `backend.auth.externalAccess` (CIRCLECI_MCP_TOKEN, a service principal):
 *   - without the token the endpoint is 401;
 *   - it lists the CircleCI tools (`circleci.<name>`: mcp-actions prefixes
 *     each action's name with its plugin id) with honest hints;
 *   - `circleci.get-failure-logs` on rocket's failed demo workflow finds
 *     the failing lines of its log (ANSI removed, bounded);
 *   - a write (`circleci.cancel-workflow`) with the static token is refused
 *     (a service is not a user) and sends 0 POSTs to the fake;
 *   - with the guest's Backstage user token instead, a write reaches the
 *     permission check: a rerun of bucket's workflow (the dev policy: the
 *     guest does not own bucket) is refused there, 0 POSTs.
 * Returns the size in bytes of each read tool's answer on the demo data.
 * Backend mode only.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { guestToken } from '../dev/stack.mjs';
import { fakePosts } from './backendChecks.mjs';

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const ROCKET = 'component:default/rocket';
const TOOLS = [
  'get-pipelines', 'get-workflow', 'get-failure-logs', 'get-insights',
  'rerun-workflow', 'cancel-workflow', 'approve-job', 'trigger-pipeline',
].map(name => `circleci.${name}`);

async function connect({ backend, token }) {
  const client = new Client({ name: 'circleci-e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${backend}/api/mcp-actions/v1`), {
    requestInit: { headers: token ? { Authorization: `Bearer ${token}` } : {} },
  });
  await client.connect(transport);
  return client;
}

/** The text of a tool's answer, and its parsed JSON when it is not an error. */
async function call(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  const text = result.content?.find(c => c.type === 'text')?.text ?? '';
  return { isError: result.isError === true, text, bytes: Buffer.byteLength(text), json: result.isError ? undefined : JSON.parse(text) };
}

/** The MCP checks; returns `{ sizes }` (bytes of each read tool's answer). */
export async function checkMcp({ backend, fake, token, say }) {
  const anonymous = await fetch(`${backend}/api/mcp-actions/v1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
  });
  assert(anonymous.status === 401, `the MCP endpoint answered ${anonymous.status} without a token, not 401`);

  const client = await connect({ backend, token });
  try {
    const { tools } = await client.listTools();
    const names = tools.map(t => t.name);
    for (const tool of TOOLS) assert(names.includes(tool), `tools/list lacks ${tool}: ${names.join(', ')}`);
    const hints = Object.fromEntries(tools.map(t => [t.name, t.annotations ?? {}]));
    assert(hints['circleci.get-failure-logs'].readOnlyHint === true, 'get-failure-logs is not read-only');
    assert(hints['circleci.cancel-workflow'].destructiveHint === true, 'cancel-workflow is not destructive');
    say(`MCP tools: ${names.filter(n => n.startsWith('circleci.')).join(', ')}`);

    const demo = await (await fetch(`${fake}/__fake/demo`)).json();
    const { failingJob, hugeLogJob } = demo;
    const logs = await call(client, 'circleci.get-failure-logs', { workflowId: failingJob.workflowId });
    assert(!logs.isError, `get-failure-logs failed: ${logs.text}`);
    const job = logs.json.jobs.find(j => j.jobNumber === failingJob.jobNumber);
    assert(job, `get-failure-logs has no job ${failingJob.jobNumber}: ${logs.text.slice(0, 300)}`);
    const lines = job.steps.flatMap(s => s.lines);
    for (const failing of failingJob.failingLines) {
      assert(lines.some(l => l.includes(failing)), `the failing line "${failing}" is not in the answer`);
    }
    assert(!logs.text.includes('\\u001b'), 'the answer holds ANSI escapes');
    assert(/^https:\/\/app\.circleci\.com\//.test(job.url), `no link to the job: ${job.url}`);
    say(`MCP: get-failure-logs found "${failingJob.failingLines[0]}" in job ${failingJob.jobNumber}'s step "${job.steps[0]?.name}"`);

    const sizes = { 'get-failure-logs (workflow)': logs.bytes };
    const reads = [
      ['get-pipelines (rocket, default 5)', 'circleci.get-pipelines', { entityRef: ROCKET }],
      ['get-pipelines (rocket, limit 20)', 'circleci.get-pipelines', { entityRef: ROCKET, limit: 20 }],
      ['get-workflow (failed workflow)', 'circleci.get-workflow', { workflowId: failingJob.workflowId }],
      ['get-failure-logs (workflow, lines 200)', 'circleci.get-failure-logs', { workflowId: failingJob.workflowId, lines: 200 }],
      ['get-failure-logs (parallel job)', 'circleci.get-failure-logs', { projectSlug: demo.parallelJob.projectSlug, jobNumber: demo.parallelJob.jobNumber }],
      ['get-failure-logs (passed huge-log job)', 'circleci.get-failure-logs', { projectSlug: hugeLogJob.projectSlug, jobNumber: hugeLogJob.jobNumber }],
      ['get-insights (rocket, 30 days)', 'circleci.get-insights', { entityRef: ROCKET }],
    ];
    for (const [label, name, args] of reads) {
      const answer = await call(client, name, args);
      assert(!answer.isError, `${name} failed: ${answer.text}`);
      sizes[label] = answer.bytes;
    }
    say(`MCP answer sizes (bytes): ${JSON.stringify(sizes)}`);

    const before = (await fakePosts({ fake })).length;
    const write = await call(client, 'circleci.cancel-workflow', { entityRef: ROCKET, workflowId: failingJob.workflowId });
    assert(write.isError, `a write with the static token was not refused: ${write.text}`);
    assert(/NotAllowedError/.test(write.text) && /signed-in Backstage user/.test(write.text), `unexpected refusal: ${write.text}`);
    const after = (await fakePosts({ fake })).length;
    assert(after === before, `a refused write sent ${after - before} POSTs to the fake`);
    say(`MCP: cancel-workflow with the static token refused (${write.text.slice(0, 80)}…), 0 POSTs`);
    await checkUserWrite({ backend, fake, say });
    return { sizes };
  } finally {
    await client.close();
  }
}

/** As the guest (a user): a rerun the dev policy denies is refused by the permission check, 0 POSTs. */
async function checkUserWrite({ backend, fake, say }) {
  const client = await connect({ backend, token: await guestToken({ backend }) });
  try {
    const bucket = 'component:default/bucket';
    const pipelines = await call(client, 'circleci.get-pipelines', { entityRef: bucket, limit: 5 });
    assert(!pipelines.isError, `get-pipelines of bucket as the guest failed: ${pipelines.text}`);
    const workflow = pipelines.json.pipelines.flatMap(p => p.workflows ?? [])[0];
    assert(workflow, 'bucket has no workflow');
    const before = (await fakePosts({ fake })).length;
    const rerun = await call(client, 'circleci.rerun-workflow', { entityRef: bucket, workflowId: workflow.id });
    assert(rerun.isError && /NotAllowedError/.test(rerun.text) && /circleci\.workflow\.operate/.test(rerun.text), `unexpected: ${rerun.text}`);
    assert((await fakePosts({ fake })).length === before, 'a denied rerun sent a POST');
    say(`MCP as the guest: rerun of bucket's workflow refused by the permission check, 0 POSTs`);
  } finally {
    await client.close();
  }
}
