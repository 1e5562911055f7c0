// Lighthouse 12.2.3 in its default mobile profile (Moto G Power screen, simulated slow 4G and 4x CPU
// slowdown) on UnionHub's member pages, as a member logged in through Keycloak on a first visit
// (the browser cache is cleared before each page; the session cookie is kept).
//
//   node measure.mjs [output-dir]      environment: UNIONHUB_URL (http://localhost:8080),
//                                      UNIONHUB_USER (worker1), CHROME_PATH (/usr/bin/chromium)
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer from 'puppeteer-core';

const base = process.env.UNIONHUB_URL || 'http://localhost:8080';
const user = process.env.UNIONHUB_USER || 'worker1';
const out = process.argv[2] || 'target/lighthouse';
const pages = [
  ['home', '/'],
  ['apply', '/portal/apply/enrollment'],
  ['mine', '/portal/mine.xhtml'],
];

fs.mkdirSync(out, {recursive: true});
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
});
let failed = false;
try {
  const browser = await puppeteer.connect({browserURL: `http://127.0.0.1:${chrome.port}`});
  const page = await browser.newPage();
  await page.goto(base + '/portal/mine.xhtml');
  await page.waitForSelector('#username');
  await page.type('#username', user);
  await page.type('#password', 'unionhub');
  await Promise.all([page.waitForNavigation(), page.click('#kc-login')]);
  const cdp = await page.target().createCDPSession();

  const rows = [];
  for (const [name, pagePath] of pages) {
    await cdp.send('Network.clearBrowserCache');
    const result = await lighthouse(base + pagePath, {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      disableStorageReset: true,
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const lhr = result.lhr;
    fs.writeFileSync(path.join(out, `${name}.report.json`), result.report[0]);
    fs.writeFileSync(path.join(out, `${name}.report.html`), result.report[1]);
    if (lhr.finalDisplayedUrl.includes('/realms/')) {
      throw new Error(`${pagePath} ended on the login page: the session was lost`);
    }
    const score = (c) => Math.round(lhr.categories[c].score * 100);
    const ms = (a) => Math.round(lhr.audits[a].numericValue);
    rows.push({
      page: name,
      path: pagePath,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcpMs: ms('first-contentful-paint'),
      lcpMs: ms('largest-contentful-paint'),
      tbtMs: ms('total-blocking-time'),
      cls: lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3),
      transferKiB: (lhr.audits['total-byte-weight'].numericValue / 1024).toFixed(1),
      requests: lhr.audits['network-requests'].details.items.length,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    });
    if (score('performance') < 90 || score('accessibility') < 90) {
      failed = true;
    }
  }
  console.table(rows);
  fs.writeFileSync(path.join(out, 'summary.json'), JSON.stringify(rows, null, 2));
  await browser.disconnect();
} finally {
  await chrome.kill();
}
if (failed) {
  console.error('a page scored under 90 in performance or accessibility');
  process.exitCode = 1;
}
