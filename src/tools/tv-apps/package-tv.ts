// `npm run package:tv -- --server <url>`: writes the installable TV apps that open the hosted SetVisit — a webOS
// package (.ipk, built by the webOS CLI's ares-package) and a Tizen web widget layout (config.xml, launcher, icon)
// for `tizen package`. Node only; nothing in the app imports it. docs/tv-apps.md says how to install them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { drawIcon } from './icons';
import { ICONS, launcherHtml, tizenConfigXml, webosAppInfo } from './manifests';
import { parseTvAppArgs, TvAppsUsageError, type TvAppOptions } from './options';

export interface TvAppPackages {
  /** The installable webOS package. */
  ipk: string;
  /** The folder ares-package packed (kept for inspection). */
  webosApp: string;
  /** The Tizen widget folder: `tizen package -t wgt -s <author profile> -- <it>` signs it into a .wgt. */
  tizenWidget: string;
}

const require = createRequire(import.meta.url);

function aresPackage(appDir: string, outDir: string, options: TvAppOptions): string {
  const cli = require.resolve('@webos-tools/cli/bin/ares-package.js');
  // ares-package names the package <id>_<version>_all.ipk.
  const ipk = join(outDir, `${options.webosAppId}_${options.version}_all.ipk`);
  rmSync(ipk, { force: true });
  const run = spawnSync(process.execPath, [cli, appDir, '--outdir', outDir], { encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(ipk)) {
    throw new Error(`ares-package failed (exit ${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
  }
  return ipk;
}

/** Writes both apps into `options.outDir`; the options are already checked (parseTvAppArgs). */
export function packageTvApps(options: TvAppOptions): TvAppPackages {
  const out = resolve(options.outDir);
  const webosApp = join(out, 'webos', 'app');
  const tizenWidget = join(out, 'tizen');
  mkdirSync(webosApp, { recursive: true });
  mkdirSync(tizenWidget, { recursive: true });

  const launcher = launcherHtml(options);
  writeFileSync(join(webosApp, 'appinfo.json'), JSON.stringify(webosAppInfo(options), null, 2) + '\n');
  writeFileSync(join(webosApp, 'index.html'), launcher);
  writeFileSync(join(webosApp, ICONS.webosIcon.file), drawIcon(ICONS.webosIcon.width, ICONS.webosIcon.height));
  writeFileSync(join(webosApp, ICONS.webosLargeIcon.file), drawIcon(ICONS.webosLargeIcon.width, ICONS.webosLargeIcon.height));
  const ipk = aresPackage(webosApp, join(out, 'webos'), options);

  writeFileSync(join(tizenWidget, 'config.xml'), tizenConfigXml(options));
  writeFileSync(join(tizenWidget, 'index.html'), launcher);
  writeFileSync(join(tizenWidget, ICONS.tizenIcon.file), drawIcon(ICONS.tizenIcon.width, ICONS.tizenIcon.height));
  return { ipk, webosApp, tizenWidget };
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function main(): void {
  let options: TvAppOptions;
  try {
    options = parseTvAppArgs(process.argv.slice(2), appVersion());
  } catch (error) {
    if (!(error instanceof TvAppsUsageError)) throw error;
    console.error(`package:tv: ${error.message}`);
    process.exit(2);
  }
  const made = packageTvApps(options);
  const show = (path: string) => relative(process.cwd(), path) || '.';
  console.info(`TV apps for ${options.server.href}`);
  console.info(`  webOS package:       ${show(made.ipk)}  (ares-install --device <tv> ${show(made.ipk)})`);
  console.info(`  Tizen widget folder: ${show(made.tizenWidget)}  (tizen package -t wgt -s <profile> -- ${show(made.tizenWidget)})`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
