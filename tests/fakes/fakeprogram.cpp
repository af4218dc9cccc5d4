// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakeprogram.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace signalbox {

std::optional<FakeProgramOptions> parseFakeProgramOptions(const QCoreApplication &app,
                                                          const QString &description,
                                                          const QString &chunksHelp) {
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Loopback address and port, e.g. "
                                                   "127.0.0.1:0 for any free port."),
                                    QStringLiteral("address"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption chunkDelay(QStringLiteral("chunk-delay-ms"),
                                        QStringLiteral("Pause before each stream event."),
                                        QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption chunks(QStringLiteral("chunks"), chunksHelp, QStringLiteral("count"),
                                    QStringLiteral("3"));
    parser.addOptions({listen, chunkDelay, chunks});
    parser.process(app);

    FakeProgramOptions options;
    options.address = parser.value(listen);
    const qsizetype colon = options.address.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? options.address.sliced(colon + 1).toUInt(&portOk) : 0;
    options.host = QHostAddress(colon > 0 ? options.address.first(colon) : options.address);
    if (!portOk || port > 65535 || !options.host.isLoopback()) {
        QTextStream(stderr) << "--listen " << options.address
                            << ": give a loopback address and port, e.g. 127.0.0.1:0\n";
        return std::nullopt;
    }
    options.port = quint16(port);
    options.chunkDelayMs = parser.value(chunkDelay).toInt();
    options.chunkCount = qMax(1, parser.value(chunks).toInt());
    return options;
}

} // namespace signalbox
