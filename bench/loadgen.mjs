// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Load generator for bench/run, for the loads wrk cannot make. Every mode is bounded in count
// and time and prints one JSON object on stdout.
//
//   rate   --url U --body FILE [--header 'name: value']... --rate R --seconds S --connections C
//          Open loop: request i is due at start + i/R whatever the earlier ones did, and its
//          latency counts from that due time, so a stall shows up in the percentiles instead of
//          slowing the load (no coordinated omission).
//   stream --url U --body FILE [--header ...] --concurrency C --count N [--timeout-s T]
//          N streamed requests, C at a time: time to the first body byte and to the end.
//   idle   --url U --count N --hold-s S
//          Opens N connections that send nothing, holds them S seconds, then sends one request
//          on a fresh connection and reports how many idle connections the server kept open.
//   alternate --route NAME=URL --route NAME=URL... --body FILE --rate R --window-s S --cycles N
//          --connections C
//          The rate load in windows of S seconds, each route in turn, N cycles in a rotating
//          order. Reports per route the median and quartiles over the windows of its p50 and
//          p99, and of their difference from the first route's in the same cycle.
//
// --watch PID (repeatable) samples the resident memory (VmRSS) of each process every 50 ms and
// reports the highest value seen, in KiB.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    body: { type: 'string' },
    header: { type: 'string', multiple: true, default: [] },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    concurrency: { type: 'string', default: '16' },
    count: { type: 'string', default: '200' },
    'timeout-s': { type: 'string', default: '120' },
    'hold-s': { type: 'string', default: '5' },
    route: { type: 'string', multiple: true, default: [] },
    'window-s': { type: 'string', default: '1' },
    cycles: { type: 'string', default: '20' },
    watch: { type: 'string', multiple: true, default: [] },
  },
});
const mode = positionals[0];

function readRssKib(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

// Samples the watched processes until stop() is called.
function watchMemory(pids) {
  const peak = Object.fromEntries(pids.map((pid) => [pid, readRssKib(pid)]));
  const timer = setInterval(() => {
    for (const pid of pids) peak[pid] = Math.max(peak[pid], readRssKib(pid));
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      for (const pid of pids) peak[pid] = Math.max(peak[pid], readRssKib(pid));
      return peak;
    },
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  const round = (x) => (x === null ? null : Math.round(x * 1000) / 1000);
  return {
    n: sorted.length,
    p25_ms: round(percentile(sorted, 25)),
    p50_ms: round(percentile(sorted, 50)),
    p75_ms: round(percentile(sorted, 75)),
    p90_ms: round(percentile(sorted, 90)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.length ? sorted[sorted.length - 1] : null),
  };
}

function requestOptions(url, body) {
  const target = new URL(url);
  const headers = { 'content-type': 'application/json', 'content-length': body.length };
  for (const line of values.header) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { host: target.hostname, port: Number(target.port), path: target.pathname, method: 'POST', headers };
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// Open-loop load on one URL: request i is due at start + i/rate, and its latency counts from then.
async function openLoop({ url, body, rate, seconds, agent }) {
  const total = Math.round(rate * seconds);
  const options = { ...requestOptions(url, body), agent };
  const latencies = [];
  let errors = 0;
  let done = 0;
  let sent = 0;
  const start = nowMs();

  await new Promise((resolve) => {
    const finishOne = () => {
      if (++done === total) resolve();
    };
    const sendOne = (dueMs) => {
      const request = http.request(options, (response) => {
        response.on('data', () => {});
        response.on('end', () => {
          if (response.statusCode === 200) latencies.push(nowMs() - dueMs);
          else ++errors;
          finishOne();
        });
      });
      request.on('error', () => {
        ++errors;
        finishOne();
      });
      request.end(body);
    };
    // Sends every request that is due; the 1 ms tick is the schedule's resolution.
    const tick = () => {
      const elapsed = nowMs() - start;
      while (sent < total && (sent * 1000) / rate <= elapsed) {
        sendOne(start + (sent * 1000) / rate);
        ++sent;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
    // Bounded in time: whatever has not answered 30 s after the last send counts as an error.
    setTimeout(() => {
      errors += total - done;
      resolve();
    }, (seconds + 30) * 1000).unref();
  });
  return { latencies, errors, elapsedS: (nowMs() - start) / 1000 };
}

async function runRate() {
  const body = fs.readFileSync(values.body);
  const rate = Number(values.rate);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number(values.connections) });
  const { latencies, errors, elapsedS } = await openLoop({ url: values.url, body, rate, seconds: Number(values.seconds), agent });
  agent.destroy();
  return {
    mode: 'rate',
    target_rate: rate,
    achieved_rate: Math.round((latencies.length / elapsedS) * 10) / 10,
    errors,
    ...summarize(latencies),
  };
}

// The median and quartiles of a list of numbers, interpolated between ranks.
function quartiles(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const at = (q) => {
    const position = (sorted.length - 1) * q;
    const below = Math.floor(position);
    const above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  };
  const round = (x) => Math.round(x * 1000) / 1000;
  return sorted.length ? { p25: round(at(0.25)), median: round(at(0.5)), p75: round(at(0.75)) } : null;
}

// Short windows of the same open-loop load on each route in turn, cycle after cycle, in an order
// that rotates. A route's added latency in a cycle is its window's percentile minus the first
// route's in the same cycle, so the machine's other load, which drifts over seconds, mostly
// cancels out of each difference.
async function runAlternate() {
  const routes = values.route.map((spec) => {
    const equals = spec.indexOf('=');
    if (equals <= 0) {
      process.stderr.write(`loadgen: --route '${spec}' must be NAME=URL\n`);
      process.exit(2);
    }
    return { name: spec.slice(0, equals), url: spec.slice(equals + 1) };
  });
  if (routes.length < 2) {
    process.stderr.write('loadgen: alternate needs at least two --route NAME=URL, the first being the reference\n');
    process.exit(2);
  }
  const body = fs.readFileSync(values.body);
  const rate = Number(values.rate);
  const windowS = Number(values['window-s']);
  const cycles = Number(values.cycles);
  const agents = routes.map(() => new http.Agent({ keepAlive: true, maxSockets: Number(values.connections) }));

  // A short first window on each route opens its connections; its figures are not kept.
  for (let i = 0; i < routes.length; ++i) await openLoop({ url: routes[i].url, body, rate, seconds: 0.5, agent: agents[i] });

  const windows = routes.map(() => []);
  const errors = routes.map(() => 0);
  for (let cycle = 0; cycle < cycles; ++cycle) {
    for (let k = 0; k < routes.length; ++k) {
      const i = (cycle + k) % routes.length;
      const result = await openLoop({ url: routes[i].url, body, rate, seconds: windowS, agent: agents[i] });
      errors[i] += result.errors;
      windows[i].push(summarize(result.latencies));
    }
  }
  for (const agent of agents) agent.destroy();

  const added = (i, key) => quartiles(windows[i].map((w, cycle) => w[key] - windows[0][cycle][key]));
  return {
    mode: 'alternate',
    target_rate: rate,
    window_s: windowS,
    cycles,
    routes: routes.map((route, i) => ({
      name: route.name,
      requests: windows[i].reduce((sum, w) => sum + w.n, 0),
      errors: errors[i],
      p50_ms: quartiles(windows[i].map((w) => w.p50_ms)),
      p99_ms: quartiles(windows[i].map((w) => w.p99_ms)),
      added_p50_ms: i === 0 ? null : added(i, 'p50_ms'),
      added_p99_ms: i === 0 ? null : added(i, 'p99_ms'),
    })),
  };
}

async function runStream() {
  const body = fs.readFileSync(values.body);
  const concurrency = Number(values.concurrency);
  const count = Number(values.count);
  const timeoutMs = Number(values['timeout-s']) * 1000;
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const options = { ...requestOptions(values.url, body), agent };
  const ttft = [];
  const totals = [];
  let ok = 0;
  let failed = 0;
  let started = 0;

  const oneStream = () =>
    new Promise((resolve) => {
      const begin = nowMs();
      let first = -1;
      let bytes = 0;
      let settled = false;
      // A broken response can report both an error and an end; only the first one counts.
      const settle = (success) => {
        if (settled) return;
        settled = true;
        if (success) {
          ++ok;
          ttft.push(first);
          totals.push(nowMs() - begin);
        } else {
          ++failed;
        }
        resolve();
      };
      const request = http.request(options, (response) => {
        response.on('data', (part) => {
          if (first < 0) first = nowMs() - begin;
          bytes += part.length;
        });
        response.on('end', () => settle(response.statusCode === 200 && bytes > 0));
        response.on('error', () => settle(false));
      });
      request.setTimeout(timeoutMs, () => request.destroy(new Error('timed out')));
      request.on('error', () => settle(false));
      request.end(body);
    });

  const start = nowMs();
  const worker = async () => {
    while (started < count) {
      ++started;
      await oneStream();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  agent.destroy();
  return {
    mode: 'stream',
    concurrency,
    count,
    ok,
    failed,
    seconds: Math.round((nowMs() - start) / 10) / 100,
    ttft: summarize(ttft),
    total: summarize(totals),
  };
}

async function runIdle() {
  const target = new URL(values.url);
  const count = Number(values.count);
  const holdMs = Number(values['hold-s']) * 1000;
  const sockets = [];
  let opened = 0;
  let closedEarly = 0;
  let failedToOpen = 0;

  // Opens the connections in batches of 200, so the listen backlog is not the limit measured.
  for (let i = 0; i < count; i += 200) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 200); ++j) {
      batch.push(
        new Promise((resolve) => {
          const socket = net.connect({ host: target.hostname, port: Number(target.port) });
          socket.on('connect', () => {
            ++opened;
            sockets.push(socket);
            socket.setTimeout(0);
            resolve();
          });
          socket.on('error', () => {
            ++failedToOpen;
            resolve();
          });
          socket.on('close', () => {
            if (socket.readyState !== 'open') ++closedEarly;
          });
          // A server that does not accept in time must not stall the run: 3 s per batch.
          socket.setTimeout(3000, () => {
            if (socket.readyState !== 'open') {
              ++failedToOpen;
              socket.destroy();
            }
            resolve();
          });
        }),
      );
    }
    await Promise.all(batch);
  }
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  const stillOpen = sockets.filter((socket) => !socket.destroyed && socket.readyState === 'open').length;

  const health = await new Promise((resolve) => {
    const request = http.get({ host: target.hostname, port: Number(target.port), path: '/health', timeout: 10000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', () => resolve(0));
  });
  for (const socket of sockets) socket.destroy();
  return { mode: 'idle', count, opened, failed_to_open: failedToOpen, still_open: stillOpen, health_status: health };
}

const watcher = watchMemory(values.watch.map(Number));
let result;
if (mode === 'rate') result = await runRate();
else if (mode === 'stream') result = await runStream();
else if (mode === 'idle') result = await runIdle();
else if (mode === 'alternate') result = await runAlternate();
else {
  process.stderr.write('usage: loadgen.mjs rate|stream|idle|alternate --url URL ... (see the file header)\n');
  process.exit(2);
}
result.peak_rss_kib = watcher.stop();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
