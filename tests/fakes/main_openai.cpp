// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The fake OpenAI upstream as a program of its own, for the SDK end-to-end tests.
#include "fakes/fakeopenai.h"
#include "fakes/fakeprogram.h"

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    return signalbox::runFakeProgram<signalbox::FakeOpenAiUpstream>(
        app, QStringLiteral("Serves OpenAI Chat Completions on loopback for tests."),
        QStringLiteral("Content chunks per streamed reply."));
}
