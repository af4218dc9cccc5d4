// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Starts Signalbox and the fake upstream as real processes on loopback for the SDK tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const signalboxBinary = process.env.SIGNALBOX_BINARY;
export const fakeOpenAiBinary = process.env.SIGNALBOX_FAKE_OPENAI;
export const fakeAnthropicBinary = process.env.SIGNALBOX_FAKE_ANTHROPIC;

// Spawns a program that prints "listening on http://HOST:PORT" when ready, and resolves with its
// address. Everything it writes is kept for the canary checks.
export function startListening(binary, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { stdout: '', stderr: '' };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${binary} printed no ready line within 20 s; stderr: ${output.stderr}`));
    }, 20000);
    child.stdout.on('data', (data) => {
      output.stdout += data;
      const match = output.stdout.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output });
      }
    });
    child.stderr.on('data', (data) => { output.stderr += data; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${binary} exited with ${code} before it was ready: ${output.stderr}`));
    });
  });
}

// Stops a child started by startListening and waits for it to exit.
// Sets fields of a fake upstream's script through its POST /__fake/script.
export async function scriptFake(upstream, fields) {
  const response = await fetch(`${upstream.url}/__fake/script`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields),
  });
  if (!response.ok) throw new Error(`the fake took no script: ${response.status}`);
}

export function stop(started) {
  if (!started || started.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => started.child.kill('SIGKILL'), 10000);
    started.child.once('exit', () => { clearTimeout(timer); resolve(); });
    started.child.kill('SIGTERM');
  });
}

// Writes a config with one provider at the fake upstream and returns its folder. The provider is
// of kind `openai` unless `kind` says otherwise; its base URL is the fake's URL plus `basePath`.
export function writeConfig(upstreamUrl, { kind = 'openai', basePath = '/v1', keyEnv = 'OPENAI_API_KEY' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'signalbox-e2e-'));
  const price = { input: 0.15, output: 0.60, cached_input: 0.075 };
  const config = {
    version: 1,
    server: { listen: '127.0.0.1:0', max_body_mib: 1 },
    providers: {
      fake: { kind, base_url: `${upstreamUrl}${basePath}`, key_env: keyEnv },
    },
    models: [
      { id: 'mini', provider: 'fake', upstream_id: 'gpt-4o-mini-2024-07-18',
        price_per_mtok: price, context_window: 128000, max_output_tokens: 16384,
        quality: 60, capabilities: ['tools', 'json'] },
      { id: 'large', provider: 'fake', upstream_id: 'gpt-4o',
        price_per_mtok: { input: 2.5, output: 10 }, context_window: 128000,
        max_output_tokens: 16384, quality: 85, capabilities: ['tools', 'json', 'vision'] },
    ],
    stages: { ui: { model: 'mini' }, architecture: { model: 'large' } },
    routing: { fallback_model: 'mini' },
    gates: { daily_budget_usd: 5 },
    an_unknown_field_kept_on_save: true,
  };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2));
  return { dir, configPath: join(dir, 'config.json'), dataDir: join(dir, 'data'), price };
}
