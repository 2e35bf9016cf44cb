// Real nginx (Debian's package) for the proxy test and the bench, run as the current user with its
// pid, logs, temporary files and cache in a folder of its own. The site is
// deploy/nginx/kennisstad.conf itself, with only its addresses and folders replaced.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath, projectRoot } from '../../src/paths.ts';
import { requireOrSkip } from './skip.ts';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const PROXY_CONFIG = projectPath('deploy', 'nginx', 'kennisstad.conf');

export function nginxAvailable(): boolean {
  if (existsSync(NGINX)) return true;
  requireOrSkip('nginx', `${NGINX} not found (apt-get install nginx-light); reverse proxy tests skipped`);
  return false;
}

/** A port nobody listens on right now (nginx cannot be asked for port 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no address');
  return address.port;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`));
  if (matches?.length !== 1) throw new Error(`${PROXY_CONFIG}: expected one match of ${pattern}, found ${matches?.length ?? 0}`);
  return text.replace(pattern, replacement);
}

/** The documented site with this run's upstream servers, port, cache folder and app folder. */
export function proxySite(options: { upstreams: string[]; port: number; cacheDir: string; root?: string }): string {
  let site = readFileSync(PROXY_CONFIG, 'utf8');
  site = replaceOnce(site, /(upstream kennisstad \{\n(?:\s*#.*\n)*)((?:\s*server \S+;\n)+)/, `$1${options.upstreams.map((address) => `    server ${address};\n`).join('')}`);
  site = replaceOnce(site, /proxy_cache_path \S+ /, `proxy_cache_path ${options.cacheDir} `);
  site = replaceOnce(site, /listen 80;/, `listen 127.0.0.1:${options.port};`);
  site = replaceOnce(site, /root \/srv\/kennisstad;/, `root ${options.root ?? projectRoot};`);
  return site;
}

export interface RunningNginx {
  url: string;
  port: number;
  dir: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts nginx in the foreground with `http` holding the given server-level configuration, the
 * rest as Debian's nginx.conf has it (workers per core, sendfile) but without access log.
 */
export async function startNginx(http: (dir: string) => string, port: number): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'ks-nginx-'));
  const temp = join(dir, 'temp');
  mkdirSync(temp);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes auto;',
      'daemon off;',
      // Started by root, nginx would run its workers as nobody, who cannot write this folder.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  sendfile on;',
      '  tcp_nopush on;',
      '  types_hash_max_size 2048;',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(temp, kind)};`),
      http(dir),
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-e', join(dir, 'error.log'), '-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}${readIfExists(join(dir, 'error.log'))}`);
    try {
      await fetch(`${url}/nginx-ready-probe`);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`nginx did not listen on ${port}: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    port,
    dir,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readIfExists(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** nginx with deploy/nginx/kennisstad.conf in front of the given app instances ("127.0.0.1:port"). */
export async function startProxy(upstreams: string[]): Promise<RunningNginx> {
  const port = await freePort();
  return startNginx((dir) => proxySite({ upstreams, port, cacheDir: join(dir, 'cache') }), port);
}

/** nginx serving one folder as static files: the baseline the bench compares against. */
export async function startStaticNginx(root: string): Promise<RunningNginx> {
  const port = await freePort();
  return startNginx(() => `  server {\n    listen 127.0.0.1:${port};\n    root ${root};\n    default_type text/html;\n  }`, port);
}
