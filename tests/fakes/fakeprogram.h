// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

#include <cstdio>
#include <optional>

namespace signalbox {

// The command line of a standalone fake upstream program.
struct FakeProgramOptions {
    QHostAddress host;
    quint16 port = 0;
    QString address; // as given to --listen, for messages
    int chunkDelayMs = 0;
    int chunkCount = 3;
};

// Parses --listen, --chunk-delay-ms and --chunks. `description` is the --help summary and
// `chunksHelp` the help of --chunks. Prints the error and returns nothing when --listen is not a
// loopback address and port; exits the program for --help and unknown options.
std::optional<FakeProgramOptions> parseFakeProgramOptions(const QCoreApplication &app,
                                                          const QString &description,
                                                          const QString &chunksHelp);

// Runs a fake upstream on the command line's address until the program is stopped. It prints
// "listening on http://127.0.0.1:PORT" once it listens, which the end-to-end tests wait for.
// Returns the exit status: 2 for an invalid command line, 1 when it cannot listen.
template <typename Upstream>
int runFakeProgram(const QCoreApplication &app, const QString &description,
                   const QString &chunksHelp) {
    const std::optional<FakeProgramOptions> options =
        parseFakeProgramOptions(app, description, chunksHelp);
    if (!options)
        return 2;

    Upstream upstream;
    upstream.script().chunkDelayMs = options->chunkDelayMs;
    upstream.script().chunkCount = options->chunkCount;
    if (!upstream.listen(options->host, options->port)) {
        std::fprintf(stderr, "cannot listen on %s\n", qPrintable(options->address));
        return 1;
    }

    std::printf("listening on http://127.0.0.1:%u\n", unsigned(upstream.port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace signalbox
