import { chromium } from 'playwright-core';
import { serve } from './scripts/serve.mjs';
const set = [
  ['开机一直重启', 'hardware'], ['屏幕花了', 'hardware'], ['键盘按不动', 'hardware'], ['小票字太淡', 'hardware'],
  ['刷卡后没有打印', 'hardware'], ['热敏纸装反了', 'hardware'], ['充电器坏了', 'hardware'], ['插卡没反应', 'hardware'],
  ['连不上wifi', 'network'], ['4G没信号', 'network'], ['网线插好了还是不行', 'network'], ['拨号机没有拨号音', 'network'],
  ['所有卡都刷不了 线路异常', 'network'], ['交易一直转圈', 'network'],
  ['密钥错误', 'software'], ['app打不开', 'software'], ['机器很卡', 'software'], ['未下载参数', 'software'], ['請先簽到是什麼意思', 'software'],
  ['顾客被扣款没出小票', 'software'],
  ['有人借我的pos机', 'security'], ['键盘上多了一层膜', 'security'], ['顾客密码被别人看到', 'security'], ['陌生人上门换机', 'security'],
  ['办pos机要什么条件', 'apply'], ['租赁合同', 'apply'], ['摆摊能办pos机吗', 'personal-pos'], ['钱到了别人公司的账户', 'provider'],
  ['零费率pos机靠谱吗', 'provider'], ['人民银行官网查询', 'provider'],
];
const server = await serve('dist', 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
let hits = 0, total = 0;
for (const lang of ['zh-hans', 'zh-hant']) for (const [q, cat] of set) {
  await page.goto(`${base}/${lang}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => /\d/.test(document.getElementById('search-status')?.textContent ?? '') || !document.querySelector('[data-search-empty]')?.hasAttribute('hidden'));
  const hrefs = await page.locator('a[data-result]').evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href')));
  const ok = hrefs.some((h) => h.split('/')[2] === cat);
  total++; if (ok) hits++; else console.log('MISS', lang, q, cat, hrefs);
}
console.log(hits, '/', total);
await browser.close(); server.close();
