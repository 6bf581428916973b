/*
 * Accessibility checks of the e2e test: an axe-core scan (WCAG 2.1 A/AA) of
 * the plugin's area of the page, and helpers for driving it with the
 * keyboard alone.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/**
 * The plugin's area: the entity page's content, not the dev app's sidebar
 * or header: the legacy app's `Content` (an article), or the new frontend
 * system's `main` (the entity page: its header, tabs and content).
 */
export const PLUGIN_AREA = 'article[class*="BackstageContent-root"], main';

/** The WCAG 2.1 A and AA rules. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Impacts that fail the test. */
export const BLOCKING = ['serious', 'critical'];

const IMPACTS = ['critical', 'serious', 'moderate', 'minor'];

/**
 * Violations that may be exempted because the plugin cannot change them.
 * Empty: the core-components LogViewer's defects (row roles without a
 * grid, unnamed icon buttons) are repaired by the step log itself
 * (src/components/StepLog/repairLogViewerAria.ts), so they fail here too.
 */
const UPSTREAM = [];

/** Switches the dev app's theme (Backstage's AppThemeApi keeps it in localStorage `theme`). */
export async function setTheme(page, theme) {
  await page.evaluate(id => window.localStorage.setItem('theme', id), theme);
}

/** Waits until the plugin's area has no progress bar for a moment. */
export async function waitSettled(page, timeoutMs = 30_000) {
  const bars = page.locator(`:is(${PLUGIN_AREA}) [role="progressbar"]`);
  const deadline = Date.now() + timeoutMs;
  let quietSince = 0;
  while (Date.now() < deadline) {
    if ((await bars.count()) === 0) {
      if (!quietSince) quietSince = Date.now();
      if (Date.now() - quietSince >= 400) return;
    } else {
      quietSince = 0;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the view still shows a progress bar');
}

/**
 * Runs axe-core on the plugin's area. Returns the violations, counts by
 * impact and the one-line summary; `blocking` lists the serious and
 * critical ones with their first nodes.
 */
export async function scanView({ page, view, theme, area = PLUGIN_AREA }) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  await page.locator(area).first().waitFor({ timeout: 30_000 });
  const violations = await page.evaluate(
    async ({ selector, tags, exempt }) => {
      // The first of the selector's alternatives that the page has (the legacy app's article, else main).
      const root = selector
        .split(',')
        .map(part => document.querySelector(part.trim()))
        .find(Boolean);
      const result = await window.axe.run(root, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      const upstream = (id, node) =>
        exempt.some(
          e => e.rules.includes(id) && node.target.every(t => document.querySelector(t)?.closest(e.within)),
        );
      return result.violations.map(v => {
        const own = v.nodes.filter(n => !upstream(v.id, n));
        return {
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: own.length,
          upstream: v.nodes.length - own.length,
          examples: own.slice(0, 3).map(n => ({
            target: n.target.join(' '),
            summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240),
          })),
        };
      });
    },
    { selector: area, tags: TAGS, exempt: UPSTREAM },
  );
  const counts = Object.fromEntries(IMPACTS.map(i => [i, 0]));
  let upstream = 0;
  for (const v of violations) {
    counts[v.impact ?? 'minor'] += v.nodes;
    upstream += v.upstream;
  }
  const rules = violations
    .map(v => `${v.id}(${v.impact}, ${v.nodes}${v.upstream ? ` + ${v.upstream} upstream` : ''})`)
    .join(' ');
  const summary =
    `a11y ${view} [${theme}]: ` +
    `${IMPACTS.map(i => `${i} ${counts[i]}`).join(', ')}, upstream ${upstream}${rules ? ` — ${rules}` : ''}`;
  const blocking = violations.filter(v => BLOCKING.includes(v.impact) && v.nodes > 0);
  return { view, theme, violations, counts, upstream, summary, blocking };
}

/** Describes the focused element (and whether its focus is visible). */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', name: '', visible: false };
    const style = getComputedStyle(el);
    // What shows the focus: an outline or shadow on the element, MUI's
    // focus ripple or focus background on a button, or the thick border
    // (or underline) of a focused MUI text field.
    const indicators = [];
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
      indicators.push(`outline ${style.outlineStyle} ${style.outlineWidth}`);
    }
    if (style.boxShadow && style.boxShadow !== 'none') indicators.push('box-shadow');
    if (el.querySelector(':scope > [class*="MuiTouchRipple"] [class*="ripplePulsate"]')) {
      indicators.push('focus ripple');
    }
    if (el.classList.contains('Mui-focusVisible') && !/rgba\(0, 0, 0, 0\)|transparent/.test(style.backgroundColor)) {
      indicators.push(`background ${style.backgroundColor}`);
    }
    const field = el.closest('[class*="MuiInputBase-root"].Mui-focused');
    if (field) {
      const fieldset = field.querySelector(':scope > fieldset');
      if (fieldset && parseFloat(getComputedStyle(fieldset).borderTopWidth) >= 2) {
        indicators.push(`field border ${getComputedStyle(fieldset).borderTopWidth}`);
      }
      const underline = getComputedStyle(field, '::after');
      if (!fieldset && underline.content !== 'none' && underline.transform !== 'matrix(0, 0, 0, 1, 0, 0)') {
        indicators.push('field underline');
      }
    }
    const label =
      el.getAttribute('aria-label') ??
      (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent) ??
      '';
    const area = document.querySelector('article[class*="BackstageContent-root"]') ?? document.querySelector('main');
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') ?? '',
      name: `${label} ${el.textContent ?? ''}`.replace(/\s+/g, ' ').trim().slice(0, 120),
      href: el.getAttribute('href') ?? '',
      inArea: Boolean(area?.contains(el)),
      inRow: Boolean(el.closest('tr')),
      inStep: Boolean(el.closest('[data-testid="job-step"]')),
      inDialog: Boolean(el.closest('[role="dialog"]')),
      selected: el.getAttribute('aria-selected'),
      pressed: el.getAttribute('aria-pressed'),
      group: el.closest('[role="group"]')?.getAttribute('aria-label') ?? '',
      expanded: el.getAttribute('aria-expanded'),
      visible: indicators.length > 0,
      focusStyle: indicators.join(' + ') || 'none',
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `match(focusedElement)` holds; returns
 * the element and the number of presses. Fails after `max` presses.
 */
export async function tabTo(page, { what, match, max = 80, back = false }) {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const el = await focused(page);
    if (match(el)) return { el, presses };
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${what}`);
}
