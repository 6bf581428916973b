/*
 * In-page helpers of the peer suite, the same code for both plugins: a
 * clock (as bench/browser.mjs: performance.now() right before the click,
 * a MutationObserver checks the condition after every DOM change, and the
 * time is read in a MessageChannel task posted from the next
 * requestAnimationFrame, i.e. right after the frame with the change), the
 * row predicates of each plugin's table, and a probe of what a page shows.
 *
 * Rows: ours, a pipeline row (`#<number>`), loaded once no cell says
 * "Loading"; the classic plugin, a build row (it links the build on
 * circleci.com), loaded when it is there (one request brings all of them).
 */

/** Added to every page (context.addInitScript). */
export function peerHelpers() {
  const ROWS = {
    ours: () => [...document.querySelectorAll('table tbody tr')].filter(tr => /#\d+/.test(tr.textContent ?? '')),
    classic: () =>
      [...document.querySelectorAll('table tbody tr')].filter(tr => tr.querySelector('a[href^="https://circleci.com/"]')),
  };
  const loaded = (kind, rows) => kind === 'classic' || rows.every(r => !/Loading/.test(r.textContent ?? ''));
  const CHECKS = {
    firstRow: o => ROWS[o.kind]().length > 0,
    fullPage: o => {
      const rows = ROWS[o.kind]();
      return rows.length >= o.rows && loaded(o.kind, rows);
    },
  };
  /** Clicks `selector` (the first one whose text includes `text`, when given) and times the checks. */
  function measure({ kind, rows, selector, text, timeoutMs = 60_000 }) {
    return new Promise(resolve => {
      const marks = {};
      const pending = new Set(Object.keys(CHECKS));
      const state = {};
      const t0 = performance.now();
      const finish = error => {
        state.observer?.disconnect();
        clearTimeout(state.timer);
        resolve({ marks, error });
      };
      const check = () => {
        for (const name of [...pending]) {
          if (!CHECKS[name]({ kind, rows })) continue;
          pending.delete(name);
          const dom = performance.now() - t0;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              marks[name] = { dom, paint: performance.now() - t0 };
              if (Object.keys(marks).length === Object.keys(CHECKS).length) finish();
            };
            channel.port2.postMessage(0);
          });
        }
      };
      state.observer = new MutationObserver(check);
      state.observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
      state.timer = setTimeout(() => finish(`timed out waiting for ${[...pending].join(', ')}`), timeoutMs);
      const el = [...document.querySelectorAll(selector)].find(e => !text || (e.textContent ?? '').includes(text));
      if (!el) return finish(`nothing matches ${selector}`);
      el.click();
      return check();
    });
  }
  const ready = ({ kind, rows }) => CHECKS.fullPage({ kind, rows });
  /**
   * What the table shows: its rows, the workflows it links (by id), for how
   * many of them a status stands beside the link, and whether the on-hold
   * approval (`approvalWorkflowId`) can be seen or acted on.
   */
  function probe({ kind, approvalWorkflowId }) {
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
    const rows = ROWS[kind]();
    const links = rows.flatMap(r => [...r.querySelectorAll('a[href]')]).filter(a => /workflow/.test(a.getAttribute('href') ?? ''));
    const byWorkflow = new Map();
    for (const a of links) {
      const id = uuid.exec(a.getAttribute('href') ?? '')?.[0];
      if (id) byWorkflow.set(id, [...(byWorkflow.get(id) ?? []), a]);
    }
    const STATUS = /\b(success|succeeded|failed|failing|running|on hold|canceled|cancelled|error|not run|queued|unauthorized)\b/i;
    const withStatus = [...byWorkflow.values()].filter(anchors =>
      anchors.some(a => STATUS.test((a.parentElement?.textContent ?? '').replace(a.textContent ?? '', ''))),
    ).length;
    const approvalLine = (byWorkflow.get(approvalWorkflowId) ?? []).map(a => a.parentElement?.textContent ?? '').join(' ');
    const approveControl = rows.some(r =>
      [...r.querySelectorAll('button, a')].some(b => /approv/i.test(`${b.getAttribute('aria-label') ?? ''} ${b.textContent ?? ''}`)),
    );
    return {
      rows: rows.length,
      workflows: byWorkflow.size,
      workflowsWithStatus: withStatus,
      approvalVisible: /on hold/i.test(approvalLine) || approveControl,
    };
  }
  window.__peer = { measure, ready, probe, rows: kind => ROWS[kind]().length };
}
