// A wrong address on the reference server: a person gets a page (in their language, with the way home), a program
// calling the API keeps its JSON error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 30_000);
afterAll(() => server?.dispose());

describe('unknown paths', () => {
  it('answer a person with an HTML page and a link home, in English by default', async () => {
    const res = await fetch(`${server.url}/no/such/page`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('This page does not exist');
    expect(html).toContain('<a href="/">');
    // The path is not echoed back (nothing a link could inject).
    expect(html).not.toContain('/no/such/page');
  });

  it('answer in Chinese when the browser asks for it first', async () => {
    const res = await fetch(`${server.url}/nope`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('这个页面不存在');
    expect(html).toContain('<a href="/">');
    const en = await (await fetch(`${server.url}/nope`, { headers: { 'accept-language': 'fr-FR,en;q=0.5' } })).text();
    expect(en).toContain('<html lang="en">');
  });

  it('keep JSON under /api/', async () => {
    const res = await fetch(`${server.url}/api/no-such-thing`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: { code: 'not-found' } });
  });
});
