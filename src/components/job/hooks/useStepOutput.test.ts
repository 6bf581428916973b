/* eslint-disable no-control-regex */
import { createElement, ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { CircleCIApi, circleCIApiRef } from '../../../api/CircleCIApi';
import * as ansi from '../../../domain/ansi';
import { useStepOutput } from './useStepOutput';

// The real sanitiser, watched: how much text goes through it.
jest.mock('../../../domain/ansi', () => {
  const actual = jest.requireActual<typeof import('../../../domain/ansi')>('../../../domain/ansi');
  return { ...actual, sanitizeLog: jest.fn(actual.sanitizeLog) };
});

const ESC = '\u001b';


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
    // The query publishes its error on its next notification.
    await waitFor(() => expect(result.current.error?.message).toBe('connection reset'));
    expect(result.current.value).toBeUndefined();
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
