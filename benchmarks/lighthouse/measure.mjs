// Lighthouse 12.2.3 in its default mobile profile (Moto G Power screen, simulated slow 4G and 4x CPU
// slowdown) on UnionHub's member pages, as a member logged in through Keycloak on a first visit
// (the browser cache is cleared before each page; the session cookie is kept): the service hall
// (first visit, then with the union chosen), the application form, "my items" and the member card.
//
// So that the card page shows a real card, the worker first becomes a member through the API, as
// in production: they apply to a grassroots union and its staff approve (real Keycloak tokens).
// A worker who is a member already (a second run on the same data) is used as they are.
//
//   node measure.mjs [output-dir]      environment: UNIONHUB_URL (http://localhost:8080),
//                                      KEYCLOAK_URL (UnionHub's port + 100), UNIONHUB_USER (worker1),
//                                      UNIONHUB_STAFF (ft-staff), CHROME_PATH (/usr/bin/chromium)
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer from 'puppeteer-core';

const base = process.env.UNIONHUB_URL || 'http://localhost:8080';
const user = process.env.UNIONHUB_USER || 'worker1';
const staff = process.env.UNIONHUB_STAFF || 'ft-staff';
const union = 'gd-sz-ft-001';
const keycloak =
  process.env.KEYCLOAK_URL ||
  base.replace(/:(\d+)$/, (_, port) => ':' + (Number(port) + 100));
const out = process.argv[2] || 'target/lighthouse';
const pages = [
  ['home', '/'],
  ['hall', '/portal/hall.xhtml'],
  ['hall-union', `/portal/hall.xhtml?tenant=${union}`],
  ['apply', '/portal/apply/enrollment'],
  ['mine', '/portal/mine.xhtml'],
  ['card', '/portal/card.xhtml'],
];

async function token(username) {
  const answer = await fetch(`${keycloak}/realms/unionhub/protocol/openid-connect/token`, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'unionhub-cli',
      username,
      password: 'unionhub',
    }),
  });
  if (answer.status !== 200) throw new Error(`no token for ${username}: ${answer.status}`);
  return (await answer.json()).access_token;
}

async function api(username, method, pathBelowApi, body, headers = {}) {
  const answer = await fetch(`${base}/api/v1/${pathBelowApi}`, {
    method,
    headers: {
      Authorization: `Bearer ${await token(username)}`,
      Accept: 'application/json',
      ...(body ? {'Content-Type': 'application/json'} : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await answer.text();
  return {status: answer.status, json: text ? JSON.parse(text) : null};
}

/** A resident ID number (GB 11643) of an adult, with its ISO 7064 check character. */
function idNumber() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sequence = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const id17 = `4403041985${'06'}${day}${sequence}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id17[i]) * weights[i];
  return id17 + '10X98765432'[sum % 11];
}

/** Makes the worker a member of the union (apply, staff approve) unless they are one already. */
async function becomeMember() {
  if ((await api(user, 'GET', 'members/me')).status === 200) return;
  const created = await api(user, 'POST', `tenants/${union}/modules/enrollment/requests`, {
    data: {
      name: '李四',
      gender: 'female',
      idNumber: idNumber(),
      mobile: '139' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0'),
      employerName: '深圳市福田区星河科技有限公司',
      employerCreditCode: '91440300192185379H',
      employmentType: 'employee',
      district: 'gd-sz-ft',
    },
  });
  if (created.status !== 201) throw new Error(`application refused: ${JSON.stringify(created)}`);
  const approved = await api(
    staff,
    'POST',
    `requests/${created.json.id}/transitions`,
    {action: 'approve', comment: 'Lighthouse run'},
    {'If-Match': `"${created.json.version}"`},
  );
  if (approved.status !== 200) throw new Error(`approval refused: ${JSON.stringify(approved)}`);
  const member = await api(user, 'GET', 'members/me');
  if (member.status !== 200) throw new Error(`approved but not a member: ${member.status}`);
}

await becomeMember();

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
  await page.waitForSelector('#username', {timeout: 120000});
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
    if (lhr.runtimeError) {
      throw new Error(`${pagePath}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
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
