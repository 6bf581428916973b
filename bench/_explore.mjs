import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
const dir = mkdtempSync('/tmp/benchx/ud-');
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1440, height: 1000 },
  args: ['--no-sandbox','--disable-gpu','--disable-quic','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = ctx.pages()[0];
await page.goto('http://localhost:3100/no-annotation', { waitUntil: 'domcontentloaded' });
await page.evaluate(() => { window.__vis = []; document.addEventListener('visibilitychange', () => window.__vis.push(document.visibilityState)); });
const vis = async (what) => console.log(what, await page.evaluate(() => document.visibilityState + ' ' + JSON.stringify(window.__vis) + ' hasFocus=' + document.hasFocus()));
await vis('start');
const cdp = await ctx.newCDPSession(page);
const { targetInfos } = await cdp.send('Target.getTargets');
console.log(targetInfos.map(t => t.type + ' ' + t.url + ' ' + t.targetId).join('\n'));
// (a) window.open
const [popup] = await Promise.all([ctx.waitForEvent('page'), page.evaluate(() => { window.open('about:blank', '_blank'); })]);
await new Promise(r => setTimeout(r, 500));
await vis('after window.open');
await popup.bringToFront();
await new Promise(r => setTimeout(r, 500));
await vis('after popup.bringToFront');
await popup.close();
await new Promise(r => setTimeout(r, 300));
await vis('after popup close');
// (b) CDP createTarget in same window
const browserCdp = await ctx.browser()?.newBrowserCDPSession?.().catch(()=>null);
console.log('browserCdp', !!browserCdp);
const r = await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: false, background: false }).catch(e => ({err: e.message}));
console.log('createTarget', JSON.stringify(r));
await new Promise(r => setTimeout(r, 500));
await vis('after createTarget');
if (r.targetId) { await cdp.send('Target.activateTarget', { targetId: r.targetId }).catch(e=>console.log(e.message)); await new Promise(r => setTimeout(r, 500)); await vis('after activateTarget'); }
// (c) lifecycle
await cdp.send('Page.setWebLifecycleState', { state: 'frozen' }).then(()=>console.log('frozen ok'), e => console.log('frozen err', e.message));
await cdp.send('Page.setWebLifecycleState', { state: 'active' }).catch(()=>{});
await vis('after frozen/active');
await ctx.close();
