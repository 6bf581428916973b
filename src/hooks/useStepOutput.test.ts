/* eslint-disable no-control-regex */
import { createElement, ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { CircleCIApi, circleCIApiRef } from '../api/CircleCIApi';
import * as ansi from '../domain/ansi';
import { processStepOutput, useStepOutput, visibleLines } from './useStepOutput';

// The real sanitiser, watched: how much text goes through it.
jest.mock('../domain/ansi', () => {
  const actual = jest.requireActual<typeof import('../domain/ansi')>('../lib/ansi');
  return { ...actual, sanitizeLog: jest.fn(actual.sanitizeLog) };
});

const ESC = '\u001b';

describe('processStepOutput', () => {
  it('sanitises the whole text on the first read', () => {
    const out = processStepOutput({ raw: `${ESC}]0;title\u0007a\n${ESC}[31mb` });
    expect(out.text).toBe(`a\n${ESC}[31mb`);
    expect(out.raw).toBe(`${ESC}]0;title\u0007a\n${ESC}[31mb`);
  });

  it('processes only the appended lines when the text grows', () => {
    const first = processStepOutput({ raw: 'line 1\nline 2\npart' });
    expect(first.tailStart).toBe('line 1\nline 2\n'.length);
    // The processed head is reused as is: a marked head shows it was not redone.
    const marked = { ...first, head: 'HEAD\n' };
    const second = processStepOutput({ raw: 'line 1\nline 2\npartial\nline 4\n', previous: marked });
    expect(second.text).toBe('HEAD\npartial\nline 4\n');
  });

  it('reprocesses an escape sequence split across two reads', () => {
    const first = processStepOutput({ raw: `ok\n${ESC}]8;;https://x.example` });
    expect(first.text).toBe('ok\n');
    const second = processStepOutput({
      raw: `ok\n${ESC}]8;;https://x.example\u0007link${ESC}]8;;\u0007\n`,
      previous: first,
    });
    expect(second.text).toBe('ok\nlink\n');
  });

  it('starts over when the text was replaced rather than appended', () => {
    const first = processStepOutput({ raw: 'old 1\nold 2\n' });
    const second = processStepOutput({ raw: 'new\n', previous: first });
    expect(second.text).toBe('new\n');
  });
});

describe('visibleLines', () => {
  it('drops the newlines and colour codes that complete lines end with', () => {
    expect(visibleLines(`a\n${ESC}[32mb${ESC}[39m${ESC}[22m\n\n`)).toBe(`a\n${ESC}[32mb`);
    expect(visibleLines('a\nb')).toBe('a\nb');
    expect(visibleLines(`\n${ESC}[1m\n`)).toBe('');
    expect(visibleLines('')).toBe('');
  });
});

/** One request of the stub API, settled by the test. */
interface PendingRead {
  stepNumber: number;
  signal?: AbortSignal;
  onProgress?: (textSoFar: string) => void;
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

function stubApi() {
  const reads: PendingRead[] = [];
  const api: Partial<CircleCIApi> = {
    getStepOutput: options =>
      new Promise<string>((resolve, reject) => {
        reads.push({ ...options, resolve, reject });
      }),
  };
  return { api: api as CircleCIApi, reads };
}

function renderStepOutput(options: { api: CircleCIApi; stepNumber?: number }) {
  const wrapper = (props: { children: ReactNode }) =>
    createElement(TestApiProvider, { apis: [[circleCIApiRef, options.api]], children: props.children });
  return renderHook(
    (props: { stepNumber: number }) =>
      useStepOutput({
        projectSlug: 'gh/acme/rocket',
        jobNumber: 7,
        containerIndex: 0,
        stepNumber: props.stepNumber,
        enabled: true,
        live: false,
      }),
    { wrapper, initialProps: { stepNumber: options.stepNumber ?? 101 } },
  );
}

const LINE_4 = 'line 4';

describe('useStepOutput while the output downloads', () => {
  it('publishes the complete lines so far, sanitising only new lines, then the whole text', async () => {
    const sanitize = jest.mocked(ansi.sanitizeLog);
    sanitize.mockClear();
    const { api, reads } = stubApi();
    const { result } = renderStepOutput({ api });
    await waitFor(() => expect(reads).toHaveLength(1));
    expect(result.current).toMatchObject({ loading: true, streaming: false, value: undefined });
    const { onProgress, resolve } = reads[0];
    const parts = [`${ESC}]0;title\u0007line 1\nline 2\npar`, `tial\n${LINE_4}\n`, `${ESC}[31mlast`];
    const texts: string[] = [];
    act(() => onProgress!(parts[0]));
    expect(result.current).toMatchObject({ loading: false, streaming: true });
    // Complete lines only, ending with a visible character.
    expect(result.current.value).toEqual({ raw: parts[0], text: 'line 1\nline 2' });
    texts.push(result.current.value!.text);
    act(() => onProgress!(parts[0] + parts[1]));
    expect(result.current.value!.text).toBe(`line 1\nline 2\npartial\n${LINE_4}`);
    texts.push(result.current.value!.text);
    await act(async () => resolve(parts.join('')));
    expect(result.current).toMatchObject({ loading: false, streaming: false });
    expect(result.current.value!.text).toBe(`line 1\nline 2\npartial\n${LINE_4}\n${ESC}[31mlast`);
    texts.push(result.current.value!.text);
    // Each text extends the last, so the log viewer only parses what was appended.
    texts.slice(1).forEach((text, i) => expect(text.startsWith(texts[i])).toBe(true));
    // Complete lines were sanitised once; only the unfinished last line again.
    const sanitised = sanitize.mock.calls.reduce((n, [text]) => n + text.length, 0);
    const redone = 'par'.length + `${ESC}[31mlast`.length;
    expect(sanitised).toBeLessThanOrEqual(parts.join('').length + redone);
  });

  it("never shows another step's text", async () => {
    const { api, reads } = stubApi();
    const { result, rerender } = renderStepOutput({ api, stepNumber: 101 });
    await waitFor(() => expect(reads).toHaveLength(1));
    act(() => reads[0].onProgress!('step 101\n'));
    expect(result.current.value?.text).toBe('step 101');
    rerender({ stepNumber: 102 });
    expect(result.current).toMatchObject({ value: undefined, loading: true, streaming: false });
    await waitFor(() => expect(reads).toHaveLength(2));
    expect(reads[0].signal?.aborted).toBe(true);
    act(() => reads[0].onProgress!('step 101\nmore\n'));
    expect(result.current.value).toBeUndefined();
    act(() => reads[1].onProgress!('step 102\n'));
    expect(result.current.value?.text).toBe('step 102');
  });

  it('drops the partial text when the download fails, so the error shows', async () => {
    const { api, reads } = stubApi();
    const { result } = renderStepOutput({ api });
    await waitFor(() => expect(reads).toHaveLength(1));
    act(() => reads[0].onProgress!('line 1\n'));
    await act(async () => reads[0].reject(new Error('connection reset')));
    expect(result.current).toMatchObject({ value: undefined, streaming: false });
    expect(result.current.error?.message).toBe('connection reset');
  });

  it('shows a re-read only once it gets past the text already shown', async () => {
    const { api, reads } = stubApi();
    const { result } = renderStepOutput({ api });
    await waitFor(() => expect(reads).toHaveLength(1));
    await act(async () => reads[0].resolve('a\nb\n'));
    act(() => result.current.refresh());
    await waitFor(() => expect(reads).toHaveLength(2));
    act(() => reads[1].onProgress!('a\n'));
    expect(result.current).toMatchObject({ value: { text: 'a\nb\n' }, streaming: false });
    act(() => reads[1].onProgress!('a\nb\nc\n'));
    expect(result.current).toMatchObject({ value: { text: 'a\nb\nc' }, streaming: true });
    await act(async () => reads[1].resolve('a\nb\nc\nd\n'));
    expect(result.current).toMatchObject({ value: { text: 'a\nb\nc\nd\n' }, streaming: false });
  });
});
