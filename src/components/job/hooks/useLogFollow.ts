import { useCallback, useEffect, useRef, useState } from 'react';
import { hasLine } from '../../../domain/logLines';
import {
  findLogList,
  isAtBottom,
  lineLink,
  scrollToEnd,
  scrollToLine,
  whenRendered,
} from '../LogBox/logViewerScroll';

/** Options of {@link useLogFollow}. */
export interface UseLogFollowOptions {
  /** The box the log viewer is rendered in (null until it mounts). */
  box: HTMLElement | null;
  /** The log's text so far. */
  text: string;
  /** True while the text is still arriving (its first download). */
  streaming: boolean;
  /** True while the step runs: its log may still grow. */
  live: boolean;
  /** The line the page's URL links to (`#line-N`); `selection`: the viewer selected it already. */
  target?: { line: number; selection: boolean };
}

/** What {@link useLogFollow} returns. */
export interface LogFollowState {
  /** The text to give the viewer: the newest while following, else the text shown when following stopped. */
  text: string;
  /** True while the viewer follows the end of the log. */
  following: boolean;
  /** True when lines arrived that the viewer does not show yet (it is not following). */
  behind: boolean;
  /** Shows the newest lines and follows the end again. */
  jumpToLatest: () => void;
}

/**
 * Follows the end of a growing log only while the reader is at the bottom.
 * The core-components LogViewer scrolls to its last line whenever its text
 * grows, so once the reader has scrolled up (or clicked a line number) the
 * viewer keeps the text it had; scrolling back to the bottom, or
 * `jumpToLatest`, gives it the newest text again. A line linked from the
 * URL is scrolled to (and selected, as a click on its number would) once it
 * has arrived and the first download is complete; following stops there.
 */
export function useLogFollow(options: UseLogFollowOptions): LogFollowState {
  const { box, text, streaming, live, target } = options;
  const [frozen, setFrozen] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(target);
  const [jumps, setJumps] = useState(0);
  const shown = frozen ?? text;
  const shownRef = useRef(shown);
  shownRef.current = shown;
  // A log that can no longer grow has nothing to follow: the reader's moves then change nothing.
  const growing = useRef(live || streaming);
  growing.current = live || streaming;
  const pause = useCallback(() => {
    if (growing.current) setFrozen(f => f ?? shownRef.current);
  }, []);

  // The reader's scrolls and clicks on line numbers.
  useEffect(() => {
    if (!box) return undefined;
    // The viewer only ever scrolls down to its end by itself (a search hit aside), and its scroll
    // events may arrive once more text has grown the list: only a scroll up stops following.
    let lastTop = 0;
    const onScroll = (event: Event) => {
      const list = event.target;
      if (!(list instanceof HTMLElement) || list !== findLogList(box)) return;
      const up = list.scrollTop < lastTop;
      lastTop = list.scrollTop;
      if (isAtBottom(list)) setFrozen(undefined);
      else if (up) pause();
    };
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest('a[href^="#line-"]')) pause();
    };
    box.addEventListener('scroll', onScroll, true);
    box.addEventListener('click', onClick, true);
    return () => {
      box.removeEventListener('scroll', onScroll, true);
      box.removeEventListener('click', onClick, true);
    };
  }, [box, pause]);

  // The linked line: once it is there, after the viewer has scrolled to the end of its text.
  const ready = pending !== undefined && !streaming && hasLine({ text, line: pending.line });
  useEffect(() => {
    if (!ready || !box || !pending) return undefined;
    setFrozen(text);
    let stopLink = () => {};
    const settledList = () => {
      const list = findLogList(box);
      return list && isAtBottom(list) ? list : null;
    };
    const stopList = whenRendered(box, settledList, list => {
      scrollToLine(list, pending.line);
      const top = list.scrollTop;
      const linked = () => {
        // The viewer may still scroll to its end once: back to the line then.
        if (isAtBottom(list) && list.scrollTop > top) scrollToLine(list, pending.line);
        return lineLink(box, pending.line);
      };
      stopLink = whenRendered(
        box,
        linked,
        link => {
          if (!pending.selection) link.click();
          setPending(undefined);
        },
      );
    });
    return () => {
      stopList();
      stopLink();
    };
  }, [ready, box, pending, text]);

  const jumpToLatest = useCallback(() => {
    setPending(undefined);
    setFrozen(undefined);
    setJumps(n => n + 1);
  }, []);
  useEffect(() => {
    const list = jumps > 0 && box ? findLogList(box) : null;
    if (list) scrollToEnd(list);
  }, [jumps, box]);

  return {
    text: shown,
    following: frozen === undefined,
    behind: frozen !== undefined && text.length > frozen.length,
    jumpToLatest,
  };
}
