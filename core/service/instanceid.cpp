// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "service/instanceid.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

namespace signalbox {

namespace {

QString newInstanceId() {
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9.-]"));
    QString host = QHostInfo::localHostName().left(32);
    host.replace(unsafe, QStringLiteral("-"));
    if (host.isEmpty())
        host = QStringLiteral("host");
    const quint32 random = QRandomGenerator::system()->generate();
    return QStringLiteral("%1-%2").arg(host).arg(random, 8, 16, QLatin1Char('0'));
}

} // namespace

Result<QString> loadInstanceId(const QString &dataDir) {
    const QString path = QDir(dataDir).filePath(QStringLiteral("instance-id"));
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const QString id = QString::fromUtf8(existing.readAll()).trimmed();
        if (!id.isEmpty())
            return id;
    }

    const QString id = newInstanceId();
    QSaveFile file(path);
    if (!QDir().mkpath(dataDir) || !file.open(QIODevice::WriteOnly) ||
        file.write(id.toUtf8() + '\n') < 0 || !file.commit()) {
        return Error{QStringLiteral("failed to write the instance id to %1: %2; the shared gate "
                                    "store needs a writable data folder")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    return id;
}

} // namespace signalbox
