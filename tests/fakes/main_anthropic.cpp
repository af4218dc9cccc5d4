// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The fake Anthropic upstream as a program of its own, for the SDK end-to-end tests.
#include "fakes/fakeanthropic.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves Anthropic Messages on loopback for tests."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Loopback address and port, e.g. "
                                                   "127.0.0.1:0 for any free port."),
                                    QStringLiteral("address"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption chunkDelay(QStringLiteral("chunk-delay-ms"),
                                        QStringLiteral("Pause before each stream event."),
                                        QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption chunks(QStringLiteral("chunks"),
                                    QStringLiteral("Text deltas per streamed reply."),
                                    QStringLiteral("count"), QStringLiteral("3"));
    parser.addOptions({listen, chunkDelay, chunks});
    parser.process(app);

    QTextStream err(stderr);
    const QString address = parser.value(listen);
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? address.sliced(colon + 1).toUInt(&portOk) : 0;
    const QHostAddress host(colon > 0 ? address.first(colon) : address);
    if (!portOk || port > 65535 || !host.isLoopback()) {
        err << "--listen " << address << ": give a loopback address and port, e.g. 127.0.0.1:0\n";
        return 2;
    }

    signalbox::FakeAnthropicUpstream upstream;
    upstream.script().chunkDelayMs = parser.value(chunkDelay).toInt();
    upstream.script().chunkCount = qMax(1, parser.value(chunks).toInt());
    if (!upstream.listen(host, quint16(port))) {
        err << "cannot listen on " << address << '\n';
        return 1;
    }

    std::printf("listening on http://127.0.0.1:%u\n", unsigned(upstream.port()));
    std::fflush(stdout);
    return app.exec();
}
