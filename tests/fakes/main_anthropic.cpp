// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The fake Anthropic upstream as a program of its own, for the SDK end-to-end tests.
#include "fakes/fakeanthropic.h"
#include "fakes/fakeprogram.h"

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    return signalbox::runFakeProgram<signalbox::FakeAnthropicUpstream>(
        app, QStringLiteral("Serves Anthropic Messages on loopback for tests."),
        QStringLiteral("Text deltas per streamed reply."));
}
