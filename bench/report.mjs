// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Summarizes a results file of bench/measure.mjs as Markdown tables: the median over the rounds
// of each figure per route, the latency each router adds to the direct route, and each peer's
// figure divided by Signalbox's.
//
//   node bench/report.mjs bench/results/TIMESTAMP.jsonl...
//
// Several files are read as one run, e.g. the rounds of one run and a later --rounds 0 run of
// the concurrent and idle tests.
import fs from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node bench/report.mjs RESULTS.jsonl...\n');
  process.exit(2);
}
// A run stopped part way ends in a line cut short, and a test that failed may lack its figures:
// such lines are skipped with a warning, and missing figures show as '–'.
// A load that failed is recorded with failed_run; its figures are left out and listed at the end.
// Rounds are keyed by file and number, because two files of one run may number rounds alike.
const readLines = (file) => {
  try {
    return fs.readFileSync(file, 'utf8').split('\n');
  } catch (error) {
    process.stderr.write(`report: cannot read ${file}: ${error.message}\n`);
    process.exit(1);
  }
};
const failedLoads = [];
const entries = files.flatMap((file, fileIndex) =>
  readLines(file).flatMap((line, index) => {
    if (!line.trim()) return [];
    let entry = null;
    try {
      entry = JSON.parse(line);
    } catch {
      // Reported below, like an entry without a route or test.
    }
    if (!entry || typeof entry !== 'object' || typeof entry.route !== 'string' || typeof entry.test !== 'string') {
      process.stderr.write(`${file}:${index + 1}: skipped, not a complete result line\n`);
      return [];
    }
    if (entry.failed_run !== undefined) {
      failedLoads.push({ file, line: index + 1, ...entry });
      process.stderr.write(`${file}:${index + 1}: ${entry.route} ${entry.test} round ${entry.round} failed (${entry.failed_run}); left out\n`);
      return [];
    }
    return [{ ...entry, round: entry.round === undefined ? undefined : `${fileIndex}:${entry.round}` }];
  }),
);
if (entries.length === 0) {
  process.stderr.write(`report: no result lines in ${files.join(', ')}\n`);
  process.exit(1);
}

const routes = [...new Set(entries.map((entry) => entry.route))];
const isFigure = (x) => typeof x === 'number' && Number.isFinite(x);
const median = (numbers) => {
  const sorted = numbers.filter(isFigure).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
// The q-quantile of the numbers, interpolated linearly between the two nearest ranks.
const quantile = (numbers, q) => {
  const sorted = numbers.filter(isFigure).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
};
const of = (route, test, pick) => median(entries.filter((e) => e.route === route && e.test === test).map(pick));
const fixed = (x, digits = 2) => (isFigure(x) ? x.toFixed(digits) : '–');
const ratio = (peer, own) => (!isFigure(peer) || !isFigure(own) || own <= 0 || peer < 0 ? '–' : `${(peer / own).toFixed(1)}×`);

const rateTests = [...new Set(entries.map((e) => e.test).filter((t) => t.startsWith('rate_')))];
const lines = [];
const figures = {};
for (const route of routes) {
  const f = {};
  for (const test of rateTests) {
    f[`${test}_p50`] = of(route, test, (e) => e.p50_ms);
    f[`${test}_p99`] = of(route, test, (e) => e.p99_ms);
    f[`${test}_errors`] = of(route, test, (e) => e.errors);
    f[`${test}_cpu`] = of(route, test, (e) => (e.router_cpu_us === undefined ? null : e.router_cpu_us / Math.max(1, e.n)));
  }
  f.sat_rps = of(route, 'saturation', (e) => e.rps);
  f.sat_p50 = of(route, 'saturation', (e) => e.p50_ms);
  f.sat_p99 = of(route, 'saturation', (e) => e.p99_ms);
  f.sat_cpu = of(route, 'saturation', (e) => (e.router_cpu_us === undefined ? null : e.router_cpu_us / Math.max(1, e.requests)));
  f.ttft_p50 = of(route, 'stream', (e) => e.ttft?.p50_ms);
  f.ttft_p99 = of(route, 'stream', (e) => e.ttft?.p99_ms);
  f.seq_ttft_p50 = of(route, 'stream_sequential', (e) => e.ttft?.p50_ms);
  f.seq_ttft_p99 = of(route, 'stream_sequential', (e) => e.ttft?.p99_ms);
  f.seq_ok = of(route, 'stream_sequential', (e) => e.ok);
  f.seq_count = of(route, 'stream_sequential', (e) => e.count);
  f.stream_ok = of(route, 'stream', (e) => e.ok);
  f.stream_count = of(route, 'stream', (e) => e.count);
  f.rss_mib = of(route, 'stream', (e) => (e.router_rss_kib === undefined ? null : e.router_rss_kib / 1024));
  f.cs_ok = of(route, 'concurrent_streams', (e) => e.ok);
  f.cs_count = of(route, 'concurrent_streams', (e) => e.count);
  f.cs_seconds = of(route, 'concurrent_streams', (e) => e.seconds);
  f.cs_rss_mib = of(route, 'concurrent_streams', (e) => (e.router_peak_rss_kib ? e.router_peak_rss_kib / 1024 : null));
  f.idle_open = of(route, 'idle', (e) => e.still_open);
  f.idle_count = of(route, 'idle', (e) => e.count);
  f.idle_rss_mib = of(route, 'idle', (e) => (e.router_peak_rss_kib ? e.router_peak_rss_kib / 1024 : null));
  f.idle_health = of(route, 'idle', (e) => e.health_status);
  figures[route] = f;
}
const direct = figures.direct ?? {};

// The TTFT p50 of the route minus the direct route's p50 in the same round, per round of the test.
const ttftRounds = [...new Set(entries.filter((e) => e.test === 'stream_ttft').map((e) => e.round))];
function addedTtftPerRound(route) {
  return ttftRounds.map((round) => {
    const own = entries.find((e) => e.route === route && e.test === 'stream_ttft' && e.round === round);
    const base = entries.find((e) => e.route === 'direct' && e.test === 'stream_ttft' && e.round === round);
    return own?.ttft && base?.ttft && own.ok > 0 && base.ok > 0 ? own.ttft.p50_ms - base.ttft?.p50_ms : null;
  });
}
for (const route of routes) {
  const perRound = addedTtftPerRound(route);
  figures[route].ttft_rounds_p50 = of(route, 'stream_ttft', (e) => e.ttft?.p50_ms);
  figures[route].ttft_rounds_added = perRound;
  figures[route].ttft_rounds_added_p50 = quantile(perRound, 0.5);
  figures[route].ttft_rounds_added_p25 = quantile(perRound, 0.25);
  figures[route].ttft_rounds_added_p75 = quantile(perRound, 0.75);
  figures[route].ttft_rounds_ok = entries.filter((e) => e.route === route && e.test === 'stream_ttft').reduce((sum, e) => sum + (isFigure(e.ok) ? e.ok : 0), 0);
  figures[route].ttft_rounds_count = entries.filter((e) => e.route === route && e.test === 'stream_ttft').reduce((sum, e) => sum + (isFigure(e.count) ? e.count : 0), 0);
}
const added = (route, key) => (figures[route][key] === null || direct[key] === null || direct[key] === undefined ? null : figures[route][key] - direct[key]);

for (const test of rateTests) {
  const rate = test.slice('rate_'.length);
  lines.push(`### Non-streamed, open loop at ${rate} req/s (medians of the rounds)`, '');
  lines.push('| route | p50 ms | p99 ms | added p50 ms | added p99 ms | router CPU µs/request | errors |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const route of routes) {
    const f = figures[route];
    lines.push(
      `| ${route} | ${fixed(f[`${test}_p50`], 3)} | ${fixed(f[`${test}_p99`], 3)} | ${route === 'direct' ? '–' : fixed(added(route, `${test}_p50`), 3)} | ${route === 'direct' ? '–' : fixed(added(route, `${test}_p99`), 3)} | ${fixed(f[`${test}_cpu`], 1)} | ${fixed(f[`${test}_errors`], 0)} |`,
    );
  }
  lines.push('');
}

lines.push('### Non-streamed at saturation (wrk, 1 thread, 32 connections)', '');
lines.push('| route | req/s | p50 ms | p99 ms | router CPU µs/request |');
lines.push('|---|---|---|---|---|');
for (const route of routes) {
  const f = figures[route];
  lines.push(`| ${route} | ${fixed(f.sat_rps, 0)} | ${fixed(f.sat_p50, 3)} | ${fixed(f.sat_p99, 3)} | ${fixed(f.sat_cpu, 1)} |`);
}
lines.push('');

lines.push('### Streams (50 at a time) and memory', '');
lines.push('| route | TTFT p50 ms | TTFT p99 ms | added TTFT p50 ms | ok | RSS MiB after | concurrent streams ok | their wall time s | peak RSS MiB | idle connections kept | RSS MiB with them | /health after |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const route of routes) {
  const f = figures[route];
  lines.push(
    `| ${route} | ${fixed(f.ttft_p50, 3)} | ${fixed(f.ttft_p99, 3)} | ${route === 'direct' ? '–' : fixed(added(route, 'ttft_p50'), 3)} | ${fixed(f.stream_ok, 0)}/${fixed(f.stream_count, 0)} | ${fixed(f.rss_mib, 1)} | ${fixed(f.cs_ok, 0)}/${fixed(f.cs_count, 0)} | ${fixed(f.cs_seconds, 1)} | ${fixed(f.cs_rss_mib, 1)} | ${fixed(f.idle_open, 0)}/${fixed(f.idle_count, 0)} | ${fixed(f.idle_rss_mib, 1)} | ${fixed(f.idle_health, 0)} |`,
  );
}
lines.push('');

if (ttftRounds.length > 0) {
  lines.push(`### Streams 50 at a time, ${ttftRounds.length} rounds of this test alone`, '');
  lines.push('Added TTFT p50 of a round: the route\'s p50 minus the direct route\'s p50 in the same round.', '');
  lines.push('| route | TTFT p50 ms, median of the rounds | added TTFT p50 ms, median of the rounds | its interquartile range over the rounds | added TTFT p50 ms of each round | ok |');
  lines.push('|---|---|---|---|---|---|');
  for (const route of routes) {
    const f = figures[route];
    const isDirect = route === 'direct';
    lines.push(
      `| ${route} | ${fixed(f.ttft_rounds_p50, 2)} | ${isDirect ? '–' : fixed(f.ttft_rounds_added_p50, 2)} | ${isDirect ? '–' : `${fixed(f.ttft_rounds_added_p25, 2)} to ${fixed(f.ttft_rounds_added_p75, 2)}`} | ${isDirect ? '–' : f.ttft_rounds_added.map((x) => fixed(x, 2)).join(', ')} | ${f.ttft_rounds_ok}/${f.ttft_rounds_count} |`,
    );
  }
  lines.push('');
  if (figures.signalbox) {
    const own = figures.signalbox.ttft_rounds_added;
    lines.push('| other route | rounds in which Signalbox added less TTFT |', '|---|---|');
    for (const route of routes.filter((r) => r !== 'direct' && r !== 'signalbox')) {
      const other = figures[route].ttft_rounds_added;
      const compared = own.map((x, i) => [x, other[i]]).filter(([a, b]) => a !== null && b !== null);
      lines.push(`| ${route} | ${compared.filter(([a, b]) => a < b).length} of ${compared.length} |`);
    }
    lines.push('');
  }
}

if (routes.some((route) => figures[route].seq_count !== null)) {
  lines.push('### Streams one at a time (2 chunks 5 ms apart, medians of the rounds)', '');
  lines.push('| route | TTFT p50 ms | TTFT p99 ms | added TTFT p50 ms | ok |');
  lines.push('|---|---|---|---|---|');
  for (const route of routes.filter((r) => figures[r].seq_count !== null)) {
    const f = figures[route];
    lines.push(
      `| ${route} | ${fixed(f.seq_ttft_p50, 3)} | ${fixed(f.seq_ttft_p99, 3)} | ${route === 'direct' ? '–' : fixed(added(route, 'seq_ttft_p50'), 3)} | ${fixed(f.seq_ok, 0)}/${fixed(f.seq_count, 0)} |`,
    );
  }
  lines.push('');
}

// Every round on its own, because a median of three hides a round that the machine's other load
// disturbed.
const rounds = [...new Set(entries.filter((e) => e.test !== 'stream_ttft').map((e) => e.round).filter((r) => r !== undefined))];
if (rounds.length > 1) {
  lines.push('### Each round', '');
  lines.push(`| route | round | ${rateTests.map((t) => `${t.slice(5)} req/s: achieved, p50 ms, p99 ms`).join(' | ')} | saturation req/s |`);
  lines.push(`|---|---|${rateTests.map(() => '---|').join('')}---|`);
  for (const route of routes) {
    for (const round of rounds) {
      const cells = rateTests.map((test) => {
        const e = entries.find((x) => x.route === route && x.test === test && x.round === round);
        return e ? `${fixed(e.achieved_rate ?? null, 0)}, ${fixed(e.p50_ms ?? null, 2)}, ${fixed(e.p99_ms ?? null, 2)}` : '–';
      });
      const sat = entries.find((x) => x.route === route && x.test === 'saturation' && x.round === round);
      const shownRound = files.length > 1 ? round : round.slice(round.indexOf(':') + 1);
      lines.push(`| ${route} | ${shownRound} | ${cells.join(' | ')} | ${fixed(sat?.rps ?? null, 0)} |`);
    }
  }
  lines.push('');
}

if (figures.signalbox) {
  const peers = routes.filter((r) => r !== 'direct' && r !== 'signalbox');
  if (peers.length) {
    const rate = rateTests[0];
    lines.push('### Peer ÷ Signalbox (above 1× means Signalbox is ahead)', '');
    // The TTFT rounds, where there are any, measure the added TTFT of 50 streams at a time more
    // closely than the one stream test of each main round.
    const addedTtft = (route) => (ttftRounds.length > 0 ? figures[route].ttft_rounds_added_p50 : added(route, 'ttft_p50'));
    lines.push(`| peer | added p50 (${rate}) | added p99 (${rate}) | CPU per request | saturation req/s (Signalbox ÷ peer) | added TTFT, one at a time | added TTFT, 50 at a time | RSS after streams | peak RSS, concurrent streams |`);
    lines.push('|---|---|---|---|---|---|---|---|---|');
    const s = figures.signalbox;
    for (const peer of peers) {
      const p = figures[peer];
      lines.push(
        `| ${peer} | ${ratio(added(peer, `${rate}_p50`), added('signalbox', `${rate}_p50`))} | ${ratio(added(peer, `${rate}_p99`), added('signalbox', `${rate}_p99`))} | ${ratio(p[`${rate}_cpu`], s[`${rate}_cpu`])} | ${ratio(s.sat_rps, p.sat_rps)} | ${ratio(added(peer, 'seq_ttft_p50'), added('signalbox', 'seq_ttft_p50'))} | ${ratio(addedTtft(peer), addedTtft('signalbox'))} | ${ratio(p.rss_mib, s.rss_mib)} | ${ratio(p.cs_rss_mib, s.cs_rss_mib)} |`,
      );
    }
    lines.push('');
  }
}
if (failedLoads.length > 0) {
  lines.push('### Loads that failed, left out of the figures above', '');
  lines.push('| file:line | route | test | round | reason |', '|---|---|---|---|---|');
  const cell = (x) => String(x ?? '–').replace(/[|\r\n]+/g, ' ');
  for (const f of failedLoads) lines.push(`| ${cell(f.file)}:${f.line} | ${cell(f.route)} | ${cell(f.test)} | ${cell(f.round)} | ${cell(f.failed_run)} |`);
  lines.push('');
}
process.stdout.write(`${lines.join('\n')}\n`);
