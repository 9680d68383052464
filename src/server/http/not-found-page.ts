// The page a person gets at an address the server does not know: what happened, in their language (from
// Accept-Language: English or Chinese), and the way home. API paths keep their JSON errors (programs read those).
// The server cannot import the app's strings (src/i18n is client code), so the page's few words live here.
import type { IncomingMessage, ServerResponse } from 'node:http';

type PageLanguage = 'en' | 'zh-CN';

const TEXT: Record<PageLanguage, { title: string; body: string; home: string }> = {
  en: {
    title: 'This page does not exist',
    body: 'The address may be mistyped, or the link may be old.',
    home: 'Go to SetVisit’s home page',
  },
  'zh-CN': {
    title: '这个页面不存在',
    body: '地址可能输错了，或者链接已经过期。',
    home: '前往 SetVisit 首页',
  },
};

/** The first of English and Chinese the browser asks for, by its q-values; English when it names neither. */
export function pageLanguage(acceptLanguage: string | undefined): PageLanguage {
  const asked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of asked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

export function notFoundPage(language: PageLanguage): string {
  const text = TEXT[language];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title} · SetVisit</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#0d0f14;color:#f4f6fb;font:18px/1.5 system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif}
main{max-width:32rem;padding:2rem;text-align:center}
h1{font-size:1.6rem;margin:0 0 .5rem}
p{color:#c9cfdb;margin:0 0 1.5rem}
a{display:inline-block;min-height:44px;line-height:44px;padding:0 1.25rem;border-radius:8px;background:#f5b83d;color:#111;font-weight:700;text-decoration:none}
a:focus-visible{outline:3px solid #fff;outline-offset:3px}
</style>
</head>
<body>
<main>
<h1>${text.title}</h1>
<p>${text.body}</p>
<a href="/">${text.home}</a>
</main>
</body>
</html>
`;
}

/** 404 for a person: the page, never cached (the address may exist after the next deploy). */
export function sendNotFoundPage(req: IncomingMessage, res: ServerResponse): void {
  const html = notFoundPage(pageLanguage(req.headers['accept-language']));
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : html);
}
