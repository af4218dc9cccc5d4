// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// A fast fake OpenAI upstream for benchmarks: every POST .../chat/completions gets the same
// prebuilt response, so the time measured is the router's, not the fake's. A body with
// "stream": true gets an SSE stream of --chunks content chunks, --chunk-delay-ms apart (the
// first one at once), then a usage chunk and [DONE]. Listens on 127.0.0.1 only.
//
//   node bench/fake-upstream.mjs [--port 0] [--chunks 20] [--chunk-delay-ms 50]
//
// Prints "listening on http://127.0.0.1:PORT" when ready.
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    chunks: { type: 'string', default: '20' },
    'chunk-delay-ms': { type: 'string', default: '50' },
  },
});
const chunkCount = Math.max(1, Number(values.chunks));
const chunkDelayMs = Math.max(0, Number(values['chunk-delay-ms']));

const created = 1764547200;
const usage = { prompt_tokens: 12, completion_tokens: chunkCount, total_tokens: 12 + chunkCount };
const completionBody = Buffer.from(
  JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created,
    model: 'bench-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: 'Hello from the benchmark upstream.', refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage,
    system_fingerprint: 'fp_bench',
  }),
);

function chunkEvent(delta, finishReason, extra = {}) {
  const chunk = {
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created,
    model: 'bench-model',
    system_fingerprint: 'fp_bench',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...extra,
  };
  return Buffer.from(`data: ${JSON.stringify(chunk)}\n\n`);
}

const firstEvent = chunkEvent({ role: 'assistant', content: 'tok0 ' }, null);
const middleEvents = [];
for (let i = 1; i < chunkCount; ++i) middleEvents.push(chunkEvent({ content: `tok${i} ` }, null));
const lastEvents = Buffer.concat([
  chunkEvent({}, 'stop'),
  Buffer.from(
    `data: ${JSON.stringify({
      id: 'chatcmpl-bench',
      object: 'chat.completion.chunk',
      created,
      model: 'bench-model',
      choices: [],
      usage,
    })}\n\n`,
  ),
  Buffer.from('data: [DONE]\n\n'),
]);

function answerStream(res) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.write(firstEvent);
  let next = 0;
  const step = () => {
    if (res.destroyed) return;
    if (next < middleEvents.length) {
      res.write(middleEvents[next++]);
      setTimeout(step, chunkDelayMs);
      return;
    }
    res.end(lastEvents);
  };
  setTimeout(step, chunkDelayMs);
}

const server = http.createServer((req, res) => {
  const parts = [];
  req.on('data', (part) => parts.push(part));
  req.on('end', () => {
    if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"not found","type":"invalid_request_error"}}');
      return;
    }
    const body = Buffer.concat(parts).toString('utf8');
    if (/"stream"\s*:\s*true/.test(body)) {
      answerStream(res);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': completionBody.length });
    res.end(completionBody);
  });
});
server.keepAliveTimeout = 120000;
server.headersTimeout = 130000;
server.maxConnections = 20000;
server.listen(Number(values.port), '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
