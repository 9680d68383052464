// @vitest-environment happy-dom
// `npm run package:tv`, run for real (tsx, the webOS CLI's ares-package) into a temp dir: the .ipk is read back as
// the ar archive of tarballs a webOS TV installs, config.xml is parsed as XML, and a bad --server writes nothing.
// happy-dom only lends its XML parser (DOMParser); everything else is Node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServerUrl, parseTvAppArgs } from '../../src/tools/tv-apps/options';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/tools/tv-apps/package-tv.ts');
const SERVER = 'https://visit.example.org/films/?project=lantern-keeper';
const APP_URL = 'https://visit.example.org/films/?project=lantern-keeper&mode=tv';

const runPackager = (args: string[]) => spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });

/** The members of a Unix ar archive (the .ipk container), by name. */
function readAr(file: Buffer): Map<string, Buffer> {
  expect(file.subarray(0, 8).toString('latin1')).toBe('!<arch>\n');
  const members = new Map<string, Buffer>();
  let at = 8;
  while (at + 60 <= file.length) {
    const header = file.subarray(at, at + 60).toString('latin1');
    expect(header.slice(58, 60)).toBe('`\n');
    const name = header.slice(0, 16).trim().replace(/\/$/, '');
    const size = Number.parseInt(header.slice(48, 58).trim(), 10);
    members.set(name, file.subarray(at + 60, at + 60 + size));
    at += 60 + size + (size % 2);
  }
  return members;
}

/** The regular files of a tarball, by path without a leading "./". */
function readTar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let at = 0;
  while (at + 512 <= tar.length && tar[at] !== 0) {
    const text = (from: number, length: number) => tar.subarray(at + from, at + from + length).toString('utf8').replace(/\0.*$/s, '');
    const name = [text(345, 155), text(0, 100)].filter(Boolean).join('/').replace(/^\.\//, '');
    const size = Number.parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1);
    if (type === '0' || type === '') files.set(name, tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function pngSize(data: Buffer | undefined): [number, number] {
  expect(data).toBeDefined();
  const png = PNG.sync.read(data as Buffer);
  return [png.width, png.height];
}

describe('package:tv', () => {
  let out: string;
  let run: ReturnType<typeof runPackager>;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'setvisit-tv-apps-'));
    run = runPackager(['--server', SERVER, '--out', out, '--webos-id', 'org.example.setvisit']);
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('exits cleanly and says where the packages are', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(APP_URL);
    expect(run.stdout).toContain('org.example.setvisit_0.1.0_all.ipk');
  });

  it('writes a webOS .ipk: an ar archive of debian-binary, control and data tarballs, with the app inside', () => {
    const ipk = readAr(readFileSync(join(out, 'webos', 'org.example.setvisit_0.1.0_all.ipk')));
    expect([...ipk.keys()]).toEqual(['debian-binary', 'control.tar.gz', 'data.tar.gz']);
    expect(ipk.get('debian-binary')?.toString()).toBe('2.0\n');

    const control = readTar(gunzipSync(ipk.get('control.tar.gz') as Buffer));
    expect(control.get('control')?.toString()).toMatch(/^Package: org\.example\.setvisit$/m);
    expect(control.get('control')?.toString()).toMatch(/^Version: 0\.1\.0$/m);

    const data = readTar(gunzipSync(ipk.get('data.tar.gz') as Buffer));
    const appDir = 'usr/palm/applications/org.example.setvisit';
    const appInfo = JSON.parse(data.get(`${appDir}/appinfo.json`)?.toString() ?? 'null') as Record<string, unknown>;
    expect(appInfo).toMatchObject({
      id: 'org.example.setvisit',
      version: '0.1.0',
      vendor: 'SetVisit',
      type: 'web',
      main: 'index.html',
      title: 'SetVisit',
      icon: 'icon.png',
      largeIcon: 'largeIcon.png',
      // Back arrives as the key (461) and the app handles it: overlay first, then screens, home asks to exit.
      disableBackHistoryAPI: true,
    });
    expect(pngSize(data.get(`${appDir}/icon.png`))).toEqual([80, 80]);
    expect(pngSize(data.get(`${appDir}/largeIcon.png`))).toEqual([130, 130]);
    const launcher = data.get(`${appDir}/index.html`)?.toString() ?? '';
    expect(launcher).toContain(`location.replace(${JSON.stringify(APP_URL)})`);
    expect(launcher).toContain('正在打开 SetVisit');
  });

  it('writes a Tizen widget whose config.xml parses and holds the key privilege, the icon and the URL', () => {
    const xml = readFileSync(join(out, 'tizen', 'config.xml'), 'utf8');
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const widget = doc.documentElement;
    expect(widget.nodeName).toBe('widget');
    expect(widget.getAttribute('xmlns')).toBe('http://www.w3.org/ns/widgets');
    expect(widget.getAttribute('xmlns:tizen')).toBe('http://tizen.org/ns/widgets');
    expect(widget.getAttribute('version')).toBe('0.1.0');

    const app = doc.getElementsByTagName('tizen:application')[0];
    expect(app?.getAttribute('package')).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(app?.getAttribute('id')).toBe(`${app?.getAttribute('package')}.SetVisit`);
    expect(app?.getAttribute('required_version')).toBe('4.0');

    const privileges = [...doc.getElementsByTagName('tizen:privilege')].map((p) => p.getAttribute('name'));
    expect(privileges).toContain('http://tizen.org/privilege/tv.inputdevice');
    expect(privileges).toContain('http://tizen.org/privilege/internet');

    const icon = doc.getElementsByTagName('icon')[0]?.getAttribute('src') ?? '';
    expect(pngSize(readFileSync(join(out, 'tizen', icon)))).toEqual([512, 423]);

    const content = doc.getElementsByTagName('content')[0]?.getAttribute('src') ?? '';
    expect(readFileSync(join(out, 'tizen', content), 'utf8')).toContain(`location.replace(${JSON.stringify(APP_URL)})`);
    const metadata = [...doc.getElementsByTagName('tizen:metadata')].find((m) => m.getAttribute('key') === 'setvisit.url');
    expect(metadata?.getAttribute('value')).toBe(APP_URL);
    expect(doc.getElementsByTagName('access')[0]?.getAttribute('origin')).toBe('https://visit.example.org');
    expect(doc.getElementsByTagName('tizen:allow-navigation')[0]?.textContent).toBe('visit.example.org');
    expect(doc.getElementsByTagName('tizen:setting')[0]?.getAttribute('screen-orientation')).toBe('landscape');
  });
});

describe('package:tv refuses a bad --server and writes nothing', () => {
  it.each([
    ['ftp://visit.example.org/', /must be an http:\/\/ or https:\/\/ address \(got ftp:\)/],
    ['visit.example.org', /is not a URL: give the full address/],
    ['https://admin:secret@visit.example.org/', /must not carry a user name or password/],
    ['javascript:alert(1)', /must be an http:\/\/ or https:\/\/ address/],
  ])('%s', (server, message) => {
    const parent = mkdtempSync(join(tmpdir(), 'setvisit-tv-apps-bad-'));
    const out = join(parent, 'out');
    try {
      const run = runPackager(['--server', server, '--out', out]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toContain('secret');
      expect(run.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);

  it('requires --server at all', () => {
    expect(() => parseTvAppArgs([], '0.1.0')).toThrow(/--server is required/);
  });

  it('keeps the server’s path and query and adds mode=tv', () => {
    expect(parseServerUrl('http://192.168.1.20:8080').href).toBe('http://192.168.1.20:8080/?mode=tv');
    expect(parseServerUrl('https://example.org/a/?mode=desktop&lang=zh-CN').href).toBe('https://example.org/a/?mode=tv&lang=zh-CN');
  });

  it('refuses ids the stores would refuse', () => {
    expect(() => parseTvAppArgs(['--server', SERVER, '--webos-id', 'com.lge.setvisit'], '0.1.0')).toThrow(/--webos-id/);
    expect(() => parseTvAppArgs(['--server', SERVER, '--webos-id', 'Org.Example'], '0.1.0')).toThrow(/--webos-id/);
    expect(() => parseTvAppArgs(['--server', SERVER, '--tizen-package', 'short'], '0.1.0')).toThrow(/exactly 10/);
    expect(() => parseTvAppArgs(['--server', SERVER, '--sever', 'x'], '0.1.0')).toThrow(/unknown option --sever/);
  });
});
