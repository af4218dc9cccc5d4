// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Runs the gateway overhead benchmark: starts the fake upstream, Signalbox and the peer
// gateways on 127.0.0.1, measures each route in interleaved rounds, and writes the results as
// JSON lines and a Markdown table. bench/run calls it inside a network namespace that has only
// the loopback interface; run it directly only if you accept that the peers bind every
// interface.
//
//   node bench/measure.mjs --build DIR --out DIR [--rounds 3] [--seconds 10] [--routes a,b]
//                          [--rates 1000] [--concurrent-streams 1000] [--idle 10000]
//                          [--baseline-build DIR] [--sequential-streams 200]
//                          [--ttft-rounds 8] [--ttft-streams 500]
//
// --baseline-build adds the route signalbox_baseline: the signalbox program of another build,
// such as the main branch's, measured in the same interleaved rounds to compare before and after.
//
// --sequential-streams sets how many streams go one at a time, in each round, to every route (0
// skips them). Their TTFT has no queueing behind other streams, so the added p50 is not lost in
// the noise of 50 concurrent streams. They use a second fake upstream whose streams are 2 chunks
// 5 ms apart, so each stream takes milliseconds. Every gateway reaches it through a second
// provider or host in its configuration.
//
// --ttft-rounds adds rounds of the 50-at-a-time stream test alone, after the other rounds: in each
// one every route gets --ttft-streams streams, in an order that rotates from round to round. The
// added TTFT of a route in a round is its p50 minus the direct route's p50 of the same round, so
// the load of the machine at that moment cancels out of each difference.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    build: { type: 'string', default: path.join(here, '..', 'build') },
    out: { type: 'string', default: path.join(here, 'results') },
    rounds: { type: 'string', default: '3' }, // 0 runs only the concurrent and idle tests
    seconds: { type: 'string', default: '10' },
    rates: { type: 'string', default: '1000' },
    routes: { type: 'string', default: 'direct,signalbox,portkey,ccr' },
    'concurrent-streams': { type: 'string', default: '1000' },
    idle: { type: 'string', default: '10000' },
    'baseline-build': { type: 'string' },
    'sequential-streams': { type: 'string', default: '200' },
    'ttft-rounds': { type: 'string', default: '8' },
    'ttft-streams': { type: 'string', default: '500' },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const rates = values.rates.split(',').map(Number);
const routeNames = values.routes.split(',');
const clockTicks = Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim()) || 100;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'signalbox-bench-'));
fs.mkdirSync(values.out, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsFile = path.join(values.out, `${stamp}.jsonl`);

// Every child is stopped by its process id on exit, also when a step throws.
const children = [];
function stopAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {}
    }
  }
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

function record(entry) {
  fs.appendFileSync(resultsFile, `${JSON.stringify(entry)}\n`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

// Starts a program and resolves with its port once it prints "listening on http://HOST:PORT",
// or once `port` accepts connections when the program prints no such line.
function start(name, command, args, { env = {}, cwd, port } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const logFile = fs.createWriteStream(path.join(workDir, `${name}.log`));
  child.stderr.pipe(logFile);
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`${name} did not start within 60 s; see ${logFile.path}`)), 60000);
    let output = '';
    child.stdout.on('data', (part) => {
      logFile.write(part);
      output += part.toString();
      const match = /listening on http:\/\/[^:\s]+:(\d+)/.exec(output);
      if (match && !port) {
        clearTimeout(deadline);
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}; see ${logFile.path}`)));
    if (port) {
      const poll = () => {
        const socket = net.connect({ host: '127.0.0.1', port });
        socket.on('connect', () => {
          socket.destroy();
          clearTimeout(deadline);
          resolve({ child, port });
        });
        socket.on('error', () => setTimeout(poll, 200));
      };
      poll();
    }
  });
}

// The process and its descendants, from the parent ids in /proc.
function processTree(rootPid) {
  const parents = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {}
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; ++i) {
    for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}

// User plus system CPU time of the process tree, in microseconds.
function cpuMicros(rootPid) {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime and stime
    } catch {}
  }
  return (ticks * 1e6) / clockTicks;
}

function rssKib(rootPid) {
  let total = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) total += Number(match[1]);
    } catch {}
  }
  return total;
}

function runTool(command, args, timeoutS) {
  const result = spawnSync(command, args, { timeout: timeoutS * 1000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result.stdout.toString();
}

// Runs one load and returns its figures, or {failed: reason} when it did not finish in time, so
// that one stuck route does not end the whole run.
function loadgen(args, timeoutS) {
  try {
    const output = runTool(process.execPath, [path.join(here, 'loadgen.mjs'), ...args], timeoutS);
    return JSON.parse(output.trim().split('\n').pop());
  } catch (error) {
    log(`load ${args[0]} failed: ${error.message}`);
    return { failed_run: error.message, peak_rss_kib: {} };
  }
}

function wrkMillis(text) {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (!match) return null;
  const factor = { us: 0.001, ms: 1, s: 1000 }[match[2]];
  return Number(match[1]) * factor;
}

function wrk(route, connections, durationS) {
  const script = path.join(workDir, `${route.name}.lua`);
  const lines = [
    'wrk.method = "POST"',
    `wrk.body = ${JSON.stringify(fs.readFileSync(route.body, 'utf8'))}`,
    'wrk.headers["Content-Type"] = "application/json"',
    ...route.headers.map((line) => {
      const colon = line.indexOf(':');
      return `wrk.headers[${JSON.stringify(line.slice(0, colon).trim())}] = ${JSON.stringify(line.slice(colon + 1).trim())}`;
    }),
  ];
  fs.writeFileSync(script, `${lines.join('\n')}\n`);
  const output = runTool('wrk', ['-t1', `-c${connections}`, `-d${durationS}s`, '--latency', '-s', script, route.url], durationS + 30);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0);
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const errorsLine = /Socket errors: (.*)/.exec(output)?.[1] ?? '';
  const p50 = wrkMillis(/\s50%\s+(\S+)/.exec(output)?.[1] ?? '');
  const p99 = wrkMillis(/\s99%\s+(\S+)/.exec(output)?.[1] ?? '');
  return { rps, requests, non2xx, socket_errors: errorsLine, p50_ms: p50, p99_ms: p99 };
}

// Measures `work` and the router's CPU time and memory over it.
function measured(route, work) {
  const pid = route.pid;
  const cpuBefore = pid ? cpuMicros(pid) : 0;
  const result = work();
  if (pid) {
    result.router_cpu_us = cpuMicros(pid) - cpuBefore;
    result.router_rss_kib = rssKib(pid);
  }
  return result;
}

async function main() {
  const signalbox = path.join(values.build, 'app', 'signalbox');
  if (routeNames.includes('signalbox') && !fs.existsSync(signalbox))
    throw new Error(`${signalbox} is missing; build first (scripts/setup)`);

  const chatBody = path.join(workDir, 'chat.json');
  const chatStreamBody = path.join(workDir, 'chat-stream.json');
  const messagesBody = path.join(workDir, 'messages.json');
  const messagesStreamBody = path.join(workDir, 'messages-stream.json');
  const messages = [{ role: 'user', content: 'Say hello in five words.' }];
  fs.writeFileSync(chatBody, JSON.stringify({ model: 'bench-model', max_tokens: 64, messages }));
  fs.writeFileSync(chatStreamBody, JSON.stringify({ model: 'bench-model', max_tokens: 64, stream: true, messages }));
  fs.writeFileSync(messagesBody, JSON.stringify({ model: 'bench-model', max_tokens: 64, messages }));
  fs.writeFileSync(messagesStreamBody, JSON.stringify({ model: 'bench-model', max_tokens: 64, stream: true, messages }));

  // 20 chunks 50 ms apart keep 1,000 streams open at once for about a second each.
  const upstream = await start('fake-upstream', process.execPath, [path.join(here, 'fake-upstream.mjs'), '--chunks', '20', '--chunk-delay-ms', '50']);
  const upstreamBase = `http://127.0.0.1:${upstream.port}/v1`;
  const shortUpstream = await start('fake-upstream-short', process.execPath, [path.join(here, 'fake-upstream.mjs'), '--chunks', '2', '--chunk-delay-ms', '5']);
  const shortUpstreamBase = `http://127.0.0.1:${shortUpstream.port}/v1`;
  const shortStreamBody = path.join(workDir, 'chat-short-stream.json');
  fs.writeFileSync(shortStreamBody, JSON.stringify({ model: 'bench-short', max_tokens: 64, stream: true, messages }));
  const routes = {
    direct: {
      name: 'direct',
      url: `${upstreamBase}/chat/completions`,
      body: chatBody,
      streamBody: chatStreamBody,
      sequentialStream: { url: `${shortUpstreamBase}/chat/completions`, body: shortStreamBody, headers: [] },
      headers: [],
      pid: 0,
    },
  };

  const signalboxRoutes = [['signalbox', signalbox]];
  if (values['baseline-build']) {
    signalboxRoutes.push(['signalbox_baseline', path.join(values['baseline-build'], 'app', 'signalbox')]);
    if (!routeNames.includes('signalbox_baseline')) routeNames.splice(routeNames.indexOf('signalbox') + 1, 0, 'signalbox_baseline');
  }
  for (const [name, program] of signalboxRoutes) {
    if (!routeNames.includes(name)) continue;
    const config = {
      version: 1,
      server: { listen: '127.0.0.1:0' },
      providers: {
        bench: { kind: 'openai', base_url: upstreamBase, needs_key: false },
        bench_short: { kind: 'openai', base_url: shortUpstreamBase, needs_key: false },
      },
      models: [
        {
          id: 'bench-model',
          provider: 'bench',
          upstream_id: 'bench-model',
          price_per_mtok: { input: 0.15, output: 0.6 },
          context_window: 128000,
          max_output_tokens: 16384,
        },
        {
          id: 'bench-short',
          provider: 'bench_short',
          upstream_id: 'bench-short',
          price_per_mtok: { input: 0.15, output: 0.6 },
          context_window: 128000,
          max_output_tokens: 16384,
        },
      ],
      routing: { fallback_model: 'bench-model' },
    };
    fs.writeFileSync(path.join(workDir, `${name}.json`), JSON.stringify(config, null, 2));
    const router = await start(name, program, [
      '--headless',
      '--config', path.join(workDir, `${name}.json`),
      '--data-dir', path.join(workDir, `${name}-data`),
      '--listen', '127.0.0.1:0',
    ]);
    routes[name] = {
      name,
      url: `http://127.0.0.1:${router.port}/v1/chat/completions`,
      body: chatBody,
      streamBody: chatStreamBody,
      sequentialStream: { url: `http://127.0.0.1:${router.port}/v1/chat/completions`, body: shortStreamBody, headers: [] },
      headers: [],
      pid: router.child.pid,
    };
  }

  const peers = path.join(here, 'peers', 'node_modules');
  const loopbackPreload = ['--require', path.join(here, 'loopback-listen.cjs')];
  if (routeNames.includes('portkey')) {
    const port = await freePort();
    const gateway = await start(
      'portkey',
      process.execPath,
      [...loopbackPreload, path.join(peers, '@portkey-ai', 'gateway', 'build', 'start-server.js'), `--port=${port}`, '--headless'],
      { port },
    );
    // Portkey takes its upstream from a header of each request, so the short fake needs no
    // second configuration.
    const portkeyHeaders = (base) => ['authorization: Bearer bench', 'x-portkey-provider: openai', `x-portkey-custom-host: ${base}`];
    routes.portkey = {
      name: 'portkey',
      url: `http://127.0.0.1:${port}/v1/chat/completions`,
      body: chatBody,
      streamBody: chatStreamBody,
      sequentialStream: { url: `http://127.0.0.1:${port}/v1/chat/completions`, body: shortStreamBody, headers: portkeyHeaders(shortUpstreamBase) },
      headers: portkeyHeaders(upstreamBase),
      pid: gateway.child.pid,
    };
  }

  if (routeNames.includes('ccr')) {
    const port = await freePort();
    const home = path.join(workDir, 'ccr-home');
    fs.mkdirSync(path.join(home, '.claude-code-router'), { recursive: true });
    fs.writeFileSync(
      path.join(home, '.claude-code-router', 'config.json'),
      JSON.stringify({
        LOG: false,
        HOST: '127.0.0.1',
        PORT: port,
        Providers: [
          { name: 'bench', api_base_url: `${upstreamBase}/chat/completions`, api_key: 'bench', models: ['bench-model'] },
          { name: 'bench_short', api_base_url: `${shortUpstreamBase}/chat/completions`, api_key: 'bench', models: ['bench-short'] },
        ],
        Router: { default: 'bench,bench-model' },
      }),
    );
    const gateway = await start(
      'ccr',
      process.execPath,
      [...loopbackPreload, path.join(peers, '@musistudio', 'claude-code-router', 'dist', 'cli.js'), 'start'],
      { env: { HOME: home }, port },
    );
    // A model "provider,model" in the body makes claude-code-router call that provider's model
    // instead of its default route; both names must be lower case.
    const ccrShortStreamBody = path.join(workDir, 'messages-short-stream.json');
    fs.writeFileSync(ccrShortStreamBody, JSON.stringify({ model: 'bench_short,bench-short', max_tokens: 64, stream: true, messages }));
    const ccrHeaders = ['x-api-key: bench', 'anthropic-version: 2023-06-01'];
    routes.ccr = {
      name: 'ccr',
      url: `http://127.0.0.1:${port}/v1/messages`,
      body: messagesBody,
      streamBody: messagesStreamBody,
      sequentialStream: { url: `http://127.0.0.1:${port}/v1/messages`, body: ccrShortStreamBody, headers: ccrHeaders },
      headers: ccrHeaders,
      pid: gateway.child.pid,
    };
  }

  const order = routeNames.filter((name) => routes[name]);
  log(`routes: ${order.join(', ')}; results go to ${resultsFile}; logs in ${workDir}`);
  for (const name of order) {
    // Warm-up: connection pools, JIT and caches, not measured.
    loadgen(['rate', '--url', routes[name].url, '--body', routes[name].body, ...routes[name].headers.flatMap((h) => ['--header', h]), '--rate', '200', '--seconds', '2'], 60);
  }

  for (let round = 1; round <= rounds; ++round) {
    for (const name of order) {
      const route = routes[name];
      const headerArgs = route.headers.flatMap((h) => ['--header', h]);
      for (const rate of rates) {
        log(`round ${round}: ${name} at ${rate} req/s for ${seconds} s`);
        const result = measured(route, () =>
          loadgen(['rate', '--url', route.url, '--body', route.body, ...headerArgs, '--rate', String(rate), '--seconds', String(seconds), '--connections', '32'], seconds + 60),
        );
        record({ round, route: name, test: `rate_${rate}`, ...result });
      }

      log(`round ${round}: ${name} at saturation (wrk, 32 connections)`);
      record({ round, route: name, test: 'saturation', ...measured(route, () => wrk(route, 32, seconds)) });

      log(`round ${round}: ${name} streams (50 at a time)`);
      record({
        round,
        route: name,
        test: 'stream',
        ...measured(route, () => loadgen(['stream', '--url', route.url, '--body', route.streamBody, ...headerArgs, '--concurrency', '50', '--count', '300'], 300)),
      });

      const sequentialStreams = Number(values['sequential-streams']);
      if (route.sequentialStream && sequentialStreams > 0) {
        log(`round ${round}: ${name} ${sequentialStreams} streams one at a time`);
        const { url, body, headers } = route.sequentialStream;
        const sequentialHeaderArgs = headers.flatMap((h) => ['--header', h]);
        record({
          round,
          route: name,
          test: 'stream_sequential',
          ...measured(route, () =>
            loadgen(['stream', '--url', url, '--body', body, ...sequentialHeaderArgs, '--concurrency', '1', '--count', String(sequentialStreams), '--timeout-s', '10'], 120),
          ),
        });
      }
    }
  }

  const ttftRounds = Number(values['ttft-rounds']);
  const ttftStreams = Number(values['ttft-streams']);
  for (let round = 1; round <= ttftRounds && ttftStreams > 0; ++round) {
    // The order rotates, so no route always runs first or right after the same route.
    const shift = (round - 1) % order.length;
    for (const name of [...order.slice(shift), ...order.slice(0, shift)]) {
      const route = routes[name];
      const headerArgs = route.headers.flatMap((h) => ['--header', h]);
      log(`TTFT round ${round}: ${name} ${ttftStreams} streams, 50 at a time`);
      record({
        round,
        route: name,
        test: 'stream_ttft',
        ...measured(route, () =>
          loadgen(['stream', '--url', route.url, '--body', route.streamBody, ...headerArgs, '--concurrency', '50', '--count', String(ttftStreams)], 120 + ttftStreams / 10),
        ),
      });
    }
  }

  // Once per route: many concurrent streams and many idle connections.
  const concurrentStreams = Number(values['concurrent-streams']);
  const idleCount = Number(values.idle);
  for (const name of order) {
    const route = routes[name];
    const headerArgs = route.headers.flatMap((h) => ['--header', h]);
    if (concurrentStreams > 0) {
      log(`${name}: ${concurrentStreams} concurrent streams`);
      const watch = route.pid ? processTree(route.pid).flatMap((pid) => ['--watch', String(pid)]) : [];
      const result = measured(route, () =>
        loadgen(['stream', '--url', route.url, '--body', route.streamBody, ...headerArgs, '--concurrency', String(concurrentStreams), '--count', String(concurrentStreams), '--timeout-s', '120', ...watch], 300),
      );
      result.router_peak_rss_kib = Object.values(result.peak_rss_kib).reduce((a, b) => a + b, 0);
      record({ route: name, test: 'concurrent_streams', ...result });
    }
    if (idleCount > 0 && name !== 'direct') {
      log(`${name}: ${idleCount} idle connections`);
      const watch = processTree(route.pid).flatMap((pid) => ['--watch', String(pid)]);
      const result = measured(route, () => loadgen(['idle', '--url', route.url, '--count', String(idleCount), '--hold-s', '5', ...watch], 300));
      result.router_peak_rss_kib = Object.values(result.peak_rss_kib).reduce((a, b) => a + b, 0);
      record({ route: name, test: 'idle', ...result });
    }
  }

  log(`done; summarize with: node bench/report.mjs ${resultsFile}`);
  process.stdout.write(`${resultsFile}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    log(`failed: ${error.message}`);
    process.exit(1);
  },
);
