// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The official Anthropic SDK drives a running Signalbox on /v1/messages, which translates to a
// fake OpenAI-format upstream and back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import { fakeOpenAiBinary, signalboxBinary, startListening, stop, writeConfig } from './harness.mjs';

const canary = 'sk-canary-0a7c1e3b5d9f4e2c8b6a0d1f3e5c7a92';
let upstream;
let signalbox;
let client;

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather in a city',
  input_schema: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string' } },
    required: ['city'],
  },
};

before(async () => {
  assert.ok(signalboxBinary, 'SIGNALBOX_BINARY must name the signalbox executable');
  assert.ok(fakeOpenAiBinary, 'SIGNALBOX_FAKE_OPENAI must name the fake upstream executable');
  upstream = await startListening(fakeOpenAiBinary,
    ['--listen', '127.0.0.1:0', '--chunk-delay-ms', '20']);
  const setup = writeConfig(upstream.url);
  signalbox = await startListening(signalboxBinary,
    ['--headless', '--config', setup.configPath, '--data-dir', setup.dataDir,
      '--listen', '127.0.0.1:0'],
    { OPENAI_API_KEY: canary });
  client = new Anthropic({ baseURL: signalbox.url, apiKey: 'local', maxRetries: 0 });
});

after(async () => {
  await stop(signalbox);
  await stop(upstream);
});

async function upstreamRequests() {
  return (await fetch(`${upstream.url}/__fake/requests`)).json();
}

test('non-streamed message is translated both ways', async () => {
  const { data, response } = await client.messages.create({
    model: 'stage:ui',
    max_tokens: 200,
    system: 'Answer in one line.',
    messages: [{ role: 'user', content: 'Say hello' }],
  }).withResponse();
  assert.equal(data.type, 'message');
  assert.match(data.id, /^msg_/);
  assert.equal(data.role, 'assistant');
  assert.equal(data.content[0].type, 'text');
  assert.ok(data.content[0].text.length > 0);
  assert.equal(data.stop_reason, 'end_turn');
  assert.ok(data.usage.input_tokens > 0);
  assert.ok(data.usage.output_tokens > 0);
  assert.equal(response.headers.get('x-signalbox-model'), 'mini');

  const sent = (await upstreamRequests()).at(-1);
  assert.equal(sent.path, '/v1/chat/completions');
  assert.equal(sent.body.model, 'gpt-4o-mini-2024-07-18');
  assert.equal(sent.body.max_tokens, 200);
  assert.deepEqual(sent.body.messages, [
    { role: 'system', content: 'Answer in one line.' },
    { role: 'user', content: 'Say hello' },
  ]);
});

test('streamed tool use arrives as partial JSON and the loop completes', async () => {
  const stream = client.messages.stream({
    model: 'mini',
    max_tokens: 300,
    tools: [weatherTool],
    messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
  });
  const pieces = [];
  stream.on('inputJson', (partial) => pieces.push(partial));
  const message = await stream.finalMessage();

  assert.equal(message.stop_reason, 'tool_use');
  assert.match(message.id, /^msg_/);
  const toolUse = message.content.find((block) => block.type === 'tool_use');
  assert.ok(toolUse, 'no tool_use block in the answer');
  assert.equal(toolUse.name, 'get_weather');
  assert.deepEqual(toolUse.input, { city: 'Paris', unit: 'celsius' });
  assert.ok(pieces.length >= 2, `the arguments came in ${pieces.length} piece(s)`);
  assert.ok(message.usage.output_tokens > 0);

  const sent = (await upstreamRequests()).at(-1);
  assert.equal(sent.body.stream, true);
  assert.equal(sent.body.stream_options.include_usage, true);
  assert.equal(sent.body.tools[0].function.name, 'get_weather');

  // The tool result goes back as an OpenAI tool message, and the model answers in text.
  const followUp = await client.messages.create({
    model: 'mini',
    max_tokens: 300,
    tools: [weatherTool],
    messages: [
      { role: 'user', content: 'What is the weather in Paris?' },
      { role: 'assistant', content: message.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: '18 C' }] },
    ],
  });
  assert.equal(followUp.content[0].type, 'text');
  const last = (await upstreamRequests()).at(-1);
  assert.deepEqual(last.body.messages.at(-1), { role: 'tool', tool_call_id: toolUse.id, content: '18 C' });
});

test('streamed text events come in the Messages order', async () => {
  const stream = client.messages.stream({
    model: 'mini', max_tokens: 100, messages: [{ role: 'user', content: 'Stream please' }],
  });
  const types = [];
  let text = '';
  stream.on('streamEvent', (event) => types.push(event.type));
  stream.on('text', (delta) => { text += delta; });
  const message = await stream.finalMessage();
  assert.equal(types[0], 'message_start');
  assert.equal(types.at(-1), 'message_stop');
  assert.equal(types.at(-2), 'message_delta');
  assert.ok(types.includes('content_block_start'));
  assert.ok(types.includes('content_block_stop'));
  assert.equal(text, message.content[0].text);
  assert.ok(message.usage.input_tokens > 0, 'message_delta carried no input tokens');
});

test('count_tokens returns an estimate', async () => {
  const counted = await client.messages.countTokens({
    model: 'mini', messages: [{ role: 'user', content: 'How many tokens is this?' }],
  });
  assert.ok(counted.input_tokens > 0);
});

test('errors use the Anthropic envelope', async () => {
  await assert.rejects(
    client.messages.create({ model: 'claude-9', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }),
    (error) => error.status === 404 && error.error?.error?.type === 'not_found_error');

  const missing = await fetch(`${signalbox.url}/v1/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mini', messages: [{ role: 'user', content: 'x' }] }),
  });
  assert.equal(missing.status, 400);
  const body = await missing.json();
  assert.equal(body.type, 'error');
  assert.equal(body.error.type, 'invalid_request_error');
  assert.match(body.error.message, /max_tokens/);
});
