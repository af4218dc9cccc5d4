// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The official OpenAI SDK drives a running Signalbox whose provider is a fake Anthropic upstream:
// Signalbox translates Chat Completions to Messages and the answers back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import {
  fakeAnthropicBinary, scriptFake, signalboxBinary, startListening, stop, writeConfig,
} from './harness.mjs';

const canary = 'sk-ant-canary-6e1d3c5b7a9f0e2d4c6b8a1f3e5d7c90';
let upstream;
let signalbox;
let setup;
let client;

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

before(async () => {
  assert.ok(signalboxBinary, 'SIGNALBOX_BINARY must name the signalbox executable');
  assert.ok(fakeAnthropicBinary, 'SIGNALBOX_FAKE_ANTHROPIC must name the fake upstream executable');
  upstream = await startListening(fakeAnthropicBinary,
    ['--listen', '127.0.0.1:0', '--chunk-delay-ms', '20']);
  setup = writeConfig(upstream.url,
    { kind: 'anthropic', basePath: '', keyEnv: 'ANTHROPIC_API_KEY' });
  signalbox = await startListening(signalboxBinary,
    ['--headless', '--config', setup.configPath, '--data-dir', setup.dataDir,
      '--listen', '127.0.0.1:0'],
    { ANTHROPIC_API_KEY: canary });
  client = new OpenAI({ baseURL: `${signalbox.url}/v1`, apiKey: 'local', maxRetries: 0 });
});

after(async () => {
  await stop(signalbox);
  await stop(upstream);
});

async function upstreamRequests() {
  return (await fetch(`${upstream.url}/__fake/requests`)).json();
}

test('non-streamed chat completion comes from the Messages API', async () => {
  const completion = await client.chat.completions.create({
    model: 'mini', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
  });
  assert.equal(completion.object, 'chat.completion');
  assert.equal(completion.choices[0].message.content, 'Hello from the fake Anthropic upstream.');
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.ok(completion.usage.prompt_tokens > 0);

  const sent = (await upstreamRequests()).at(-1);
  assert.equal(sent.path, '/v1/messages');
  assert.equal(sent.headers['anthropic-version'], '2023-06-01');
  assert.equal(sent.headers['x-api-key'], '<present>');
  assert.equal(sent.body.system, 'Be brief.');
  assert.ok(sent.body.max_tokens > 0, 'max_tokens is required by the Messages API');
});

test('streamed tool calls arrive as OpenAI tool call deltas', async () => {
  const stream = client.chat.completions.stream({
    model: 'mini',
    tools: [weatherTool],
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'Weather in Paris?' }],
  });
  let argumentDeltas = 0;
  for await (const chunk of stream) {
    for (const call of chunk.choices[0]?.delta?.tool_calls ?? []) {
      if (call.function?.arguments) argumentDeltas++;
    }
  }
  const completion = await stream.finalChatCompletion();
  const choice = completion.choices[0];
  assert.equal(choice.finish_reason, 'tool_calls');
  const call = choice.message.tool_calls[0];
  assert.equal(call.function.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris', unit: 'celsius' });
  assert.ok(argumentDeltas >= 2, `the arguments came in ${argumentDeltas} delta(s)`);
  assert.ok(completion.usage, 'the completion has no usage');
  assert.ok(completion.usage.completion_tokens > 0);

  // The tool's answer goes back as a tool_result block, and the model replies in text.
  const followUp = await client.chat.completions.create({
    model: 'mini',
    tools: [weatherTool],
    messages: [
      { role: 'user', content: 'Weather in Paris?' },
      choice.message,
      { role: 'tool', tool_call_id: call.id, content: '18 C' },
    ],
  });
  assert.equal(followUp.choices[0].finish_reason, 'stop');
  const sent = (await upstreamRequests()).at(-1);
  assert.deepEqual(sent.body.messages.at(-1), {
    role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '18 C' }],
  });
});

test('an overloaded provider gives the OpenAI error envelope', async () => {
  await scriptFake(upstream, { error_status: 529, error_type: 'overloaded_error' });
  try {
    await assert.rejects(
      client.chat.completions.create({ model: 'mini', messages: [{ role: 'user', content: 'x' }] }),
      (error) => error.status === 502 && error.type === 'upstream_error' && error.code === '529');
  } finally {
    await scriptFake(upstream, { error_status: 0 });
  }
});

test('the Anthropic key appears in no output, ledger or config', async () => {
  const sent = (await upstreamRequests()).at(-1);
  assert.equal(sent.headers['x-api-key'], '<present>', 'the key never reached the upstream');

  await stop(signalbox);
  const places = [signalbox.output.stdout, signalbox.output.stderr,
    readFileSync(setup.configPath, 'utf8')];
  for (const name of readdirSync(setup.dataDir)) {
    places.push(readFileSync(join(setup.dataDir, name)).toString('latin1'));
  }
  for (const text of places) assert.ok(!text.includes(canary), 'the canary key leaked');
});
