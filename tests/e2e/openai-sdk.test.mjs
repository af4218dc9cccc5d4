// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The official OpenAI SDK drives a running Signalbox, which calls a fake OpenAI upstream.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { fakeOpenAiBinary, signalboxBinary, startListening, stop, writeConfig } from './harness.mjs';

const canary = 'sk-canary-5d1f0c9e7b2a4c6f8e0d1b3a5c7e9f11';
const chunkDelayMs = 150;
let upstream;
let signalbox;
let setup;
let client;

before(async () => {
  assert.ok(signalboxBinary, 'SIGNALBOX_BINARY must name the signalbox executable');
  assert.ok(fakeOpenAiBinary, 'SIGNALBOX_FAKE_OPENAI must name the fake upstream executable');
  upstream = await startListening(fakeOpenAiBinary,
    ['--listen', '127.0.0.1:0', '--chunk-delay-ms', String(chunkDelayMs)]);
  setup = writeConfig(upstream.url);
  signalbox = await startListening(signalboxBinary,
    ['--headless', '--config', setup.configPath, '--data-dir', setup.dataDir,
      '--listen', '127.0.0.1:0'],
    { OPENAI_API_KEY: canary });
  client = new OpenAI({ baseURL: `${signalbox.url}/v1`, apiKey: 'local', maxRetries: 0 });
});

after(async () => {
  await stop(signalbox);
  await stop(upstream);
  rmSync(setup.dir, { recursive: true, force: true });
});

async function upstreamRequests() {
  const response = await fetch(`${upstream.url}/__fake/requests`);
  return response.json();
}

async function usageRow(requestId) {
  const usage = await (await fetch(`${signalbox.url}/api/usage?limit=100`)).json();
  return usage.recent.find((row) => row.request_id === requestId);
}

// Rows are written by the ledger thread in batches; poll briefly for the one we need.
async function waitForUsageRow(requestId) {
  for (let i = 0; i < 50; i++) {
    const row = await usageRow(requestId);
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`request ${requestId} never appeared in /api/usage`);
}

test('ready line names the endpoint', () => {
  assert.match(signalbox.output.stdout, /^listening on http:\/\/127\.0\.0\.1:\d+\n$/);
});

test('non-streamed stage request reaches the stage model', async () => {
  const { data, response } = await client.chat.completions
    .create({ model: 'stage:ui', messages: [{ role: 'user', content: 'Say hello' }] })
    .withResponse();
  assert.equal(data.object, 'chat.completion');
  assert.ok(data.choices[0].message.content.length > 0);
  assert.equal(response.headers.get('x-signalbox-route'), 'stage');
  assert.equal(response.headers.get('x-signalbox-model'), 'mini');

  const sent = (await upstreamRequests()).at(-1);
  assert.equal(sent.body.model, 'gpt-4o-mini-2024-07-18');
  assert.deepEqual(sent.body.messages, [{ role: 'user', content: 'Say hello' }]);

  const row = await waitForUsageRow(response.headers.get('x-signalbox-request-id'));
  assert.equal(row.status, 'ok');
  assert.equal(row.stage, 'ui');
  assert.equal(row.input_tokens, data.usage.prompt_tokens);
  assert.equal(row.output_tokens, data.usage.completion_tokens);
  assert.equal(row.usage_estimated, false);
});

test('streamed stage request arrives chunk by chunk and is billed', async () => {
  const { data: stream, response } = await client.chat.completions
    .create({ model: 'stage:ui', stream: true, messages: [{ role: 'user', content: 'Stream' }] })
    .withResponse();
  const arrivals = [];
  let text = '';
  for await (const chunk of stream) {
    arrivals.push(Date.now());
    text += chunk.choices[0]?.delta?.content ?? '';
  }
  assert.ok(text.length > 0, 'the stream carried no text');
  assert.ok(arrivals.length >= 3, `only ${arrivals.length} chunks arrived`);
  // The fake spaces its chunks by chunkDelayMs. Had Signalbox buffered the answer, every chunk
  // would arrive at once; forwarded as sent, they spread over several delays.
  const spread = arrivals.at(-1) - arrivals[0];
  assert.ok(spread >= chunkDelayMs * (arrivals.length - 2) / 2,
    `chunks arrived within ${spread} ms, so they were buffered`);

  const sent = (await upstreamRequests()).at(-1);
  assert.equal(sent.body.model, 'gpt-4o-mini-2024-07-18');
  assert.equal(sent.body.stream_options.include_usage, true);

  const row = await waitForUsageRow(response.headers.get('x-signalbox-request-id'));
  assert.equal(row.status, 'ok');
  assert.equal(row.streamed, true);
  assert.equal(row.usage_estimated, false);
  assert.ok(row.input_tokens > 0);
  assert.ok(row.output_tokens > 0);
  const expected = ((row.input_tokens - row.cached_tokens) * setup.price.input
    + row.cached_tokens * setup.price.cached_input + row.output_tokens * setup.price.output) / 1e6;
  assert.ok(Math.abs(row.cost_usd - expected) < 1e-12, `cost ${row.cost_usd} != ${expected}`);
});

test('usage chunk reaches the client only when it asked', async () => {
  const withUsage = await client.chat.completions.create({
    model: 'mini', stream: true, stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'Count' }],
  });
  let usage = null;
  for await (const chunk of withUsage) usage = chunk.usage ?? usage;
  assert.ok(usage, 'the usage chunk was missing');
  assert.ok(usage.prompt_tokens > 0);

  const without = await client.chat.completions.create({
    model: 'mini', stream: true, messages: [{ role: 'user', content: 'Count' }],
  });
  for await (const chunk of without) {
    assert.ok(chunk.choices.length > 0, 'a usage-only chunk reached a client that did not ask');
  }
});

test('dry-run route explains the decision without calling upstream', async () => {
  const before = (await upstreamRequests()).length;
  const response = await fetch(`${signalbox.url}/api/route`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'stage:architecture', messages: [{ role: 'user', content: 'x' }] }),
  });
  assert.equal(response.status, 200);
  const decision = await response.json();
  assert.equal(decision.level, 'stage');
  assert.equal(decision.model, 'large');
  assert.ok(decision.trace.length > 0);
  assert.equal((await upstreamRequests()).length, before);
});

test('models list has registry models, auto and stages', async () => {
  const ids = [];
  for await (const model of client.models.list()) ids.push(model.id);
  assert.deepEqual(ids.sort(), ['auto', 'large', 'mini', 'stage:architecture', 'stage:ui']);
});

test('models.retrieve finds a model, a stage, and reports an unknown one', async () => {
  assert.equal((await client.models.retrieve('mini')).id, 'mini');
  const stage = await client.models.retrieve('stage:ui');
  assert.equal(stage.id, 'stage:ui');
  assert.equal(stage.owned_by, 'signalbox');
  await assert.rejects(client.models.retrieve('gpt-9'),
    (error) => error.status === 404 && error.code === 'model_not_found');
});

test('errors use the OpenAI envelope and the next request is served', async () => {
  const malformed = await fetch(`${signalbox.url}/v1/chat/completions`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"model": ',
  });
  assert.equal(malformed.status, 400);
  assert.equal((await malformed.json()).error.type, 'invalid_request_error');

  await assert.rejects(
    client.chat.completions.create({ model: 'gpt-9', messages: [{ role: 'user', content: 'x' }] }),
    (error) => error.status === 404 && error.code === 'model_not_found');

  const huge = await fetch(`${signalbox.url}/v1/chat/completions`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mini', messages: [{ role: 'user', content: 'x'.repeat(2 << 20) }] }),
  });
  assert.equal(huge.status, 413);
  assert.equal((await huge.json()).error.code, 'request_too_large');

  const next = await client.chat.completions.create({
    model: 'mini', messages: [{ role: 'user', content: 'still there?' }],
  });
  assert.ok(next.choices[0].message.content.length > 0);
});

test('the API key appears in no output, ledger or config', async () => {
  const sent = (await upstreamRequests()).at(-1);
  assert.equal(sent.headers.authorization, '<present>', 'the key never reached the upstream');

  await stop(signalbox);
  const places = [signalbox.output.stdout, signalbox.output.stderr,
    readFileSync(setup.configPath, 'utf8')];
  for (const name of readdirSync(setup.dataDir)) {
    places.push(readFileSync(join(setup.dataDir, name)).toString('latin1'));
  }
  for (const text of places) assert.ok(!text.includes(canary), 'the canary key leaked');
});
