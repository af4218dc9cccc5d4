// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The fake Gemini upstream as a program of its own, for the SDK end-to-end tests.
#include "fakes/fakegemini.h"
#include "fakes/fakeprogram.h"

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    return signalbox::runFakeProgram<signalbox::FakeGeminiUpstream>(
        app, QStringLiteral("Serves Gemini generateContent on loopback for tests."),
        QStringLiteral("Stream events per streamed reply."));
}
