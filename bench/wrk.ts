// Load from Debian's wrk (C, several threads): an in-process Node load generator on two cores
// cannot produce the rates a cached page or nginx reaches, so it would measure itself. The figures
// are read from wrk's own report.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';

export const WRK = process.env.WRK_PATH ?? '/usr/bin/wrk';

export interface WrkFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx or 3xx, and socket errors (connect, read, write, timeout). */
  errors: number;
  /** The 1-minute load average when the run started: how busy the shared machine was. */
  load: number;
}

export function wrkVersion(): string | null {
  if (!existsSync(WRK)) return null;
  const result = spawnSync(WRK, ['--version'], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.split('\n')[0]!.trim();
}

/** "1.23ms", "456.00us", "1.05s" -> milliseconds. */
export function durationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`wrk: unreadable duration "${text}"`);
  const value = Number(match[1]);
  return { us: value / 1000, ms: value, s: value * 1000, m: value * 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
}

export function parseWrk(output: string): Omit<WrkFigures, 'load'> {
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p50 = /^\s+50%\s+(\S+)/m.exec(output);
  const p99 = /^\s+99%\s+(\S+)/m.exec(output);
  if (!rate || !p50 || !p99) throw new Error(`wrk: unexpected report:\n${output}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { requestsPerSecond: Math.round(Number(rate[1])), p50: durationMs(p50[1]!), p99: durationMs(p99[1]!), errors: non2xx + socketErrors };
}

export async function wrk(url: string, options: { connections?: number; threads?: number; seconds: number; headers?: Record<string, string> }): Promise<WrkFigures> {
  const args = ['-t', String(options.threads ?? 2), '-c', String(options.connections ?? 64), '-d', `${options.seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  const load = Number(loadavg()[0]!.toFixed(1));
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(WRK, [...args, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text}`))));
  });
  return { ...parseWrk(output), load };
}
