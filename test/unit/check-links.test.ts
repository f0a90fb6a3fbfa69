import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLinks, findRefs } from '../../scripts/build/check-links.mjs';

describe('the link check', () => {
  it('lets a page link only to http(s), mailto, tel and this site, and show data: images', () => {
    const html = `<a href="https://a.example/">a</a><a href="mailto:x@y.cn">m</a><a href="tel:95516">t</a>
      <a href="/zh-hant/codes/">c</a><a href="#top">h</a><img src="data:image/png;base64,AAAA">`;
    expect(findRefs(html)).toEqual({ refs: ['/zh-hant/codes/'], unsafe: [] });
  });

  it('refuses javascript:, data: and vbscript: links however they are written', () => {
    const html = `<a href="javascript:alert(1)">j</a><a href="JaVaScRiPt:alert(1)">J</a>
      <a href="java&#x73;cript:alert(1)">e</a><a href=" javascript&colon;alert(1)">c</a>
      <a href="data:text/html,<script>1</script>">d</a><a href="vbscript:msgbox">v</a>
      <img src="javascript:alert(1)"><iframe src="data:text/html,x"></iframe>`;
    expect(findRefs(html).unsafe).toHaveLength(8);
  });

  it('fails the build naming the page, the link and the fix', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pos-links-'));
    try {
      mkdirSync(path.join(dir, 'zh-hant/x'), { recursive: true });
      writeFileSync(path.join(dir, 'zh-hant/x/index.html'), '<a href="javascript:fetch(1)">點我</a>');
      await expect(checkLinks(pathToFileURL(`${dir}/`), { info() {} })).rejects.toThrow(
        /zh-hant\/x\/index\.html links to javascript:fetch\(1\)[\s\S]*Fix: link only to http\(s\), mailto: or tel:/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
