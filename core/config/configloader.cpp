// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/configloader.h"

#include "config/configreader.h"
#include "config/duplicatekeys.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QScopeGuard>
#include <QTextStream>
#include <QThread>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

// Q_INIT_RESOURCE declares the resource initialiser in the enclosing namespace, so it must be
// called from the global one. The static core library would otherwise drop the resources.
static void initConfigResources() {
    Q_INIT_RESOURCE(signalbox_config);
}

namespace signalbox {

namespace {

QByteArray readResource(const QString &name) {
    initConfigResources();

    QFile file(QStringLiteral(":/signalbox/config/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcConfig) << "embedded config" << name << "is missing:" << file.errorString();
        return {};
    }
    return file.readAll();
}

// Returns the 1-based line and column of a byte offset, for parse errors people can find.
std::pair<int, int> lineAndColumn(const QByteArray &text, qsizetype offset) {
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

bool isWithin(const QString &path, const QString &parent) {
    return path == parent || path.startsWith(parent + QLatin1Char('.')) ||
           path.startsWith(parent + QLatin1Char('['));
}

// Drops validation problems at or below a path the reader already reported: a field of the
// wrong type was replaced by its default, and a second message about that default would mislead.
QList<ConfigProblem> withoutShadowed(const QList<ConfigProblem> &problems,
                                     const QList<ConfigProblem> &shapeProblems) {
    QList<ConfigProblem> result;
    for (const ConfigProblem &problem : problems) {
        const bool shadowed = std::any_of(
            shapeProblems.begin(), shapeProblems.end(),
            [&](const ConfigProblem &shape) { return isWithin(problem.path, shape.path); });
        if (!shadowed)
            result.append(problem);
    }
    return result;
}

// A config is a few kilobytes. The cap stops a path such as /dev/zero from being read until
// memory runs out. A pipe, as in --config <(command), is still read to its end.
constexpr qint64 kMaxConfigBytes = 16 * 1024 * 1024;
constexpr qint64 kChunkBytes = 64 * 1024;

ConfigLoad tooLarge(const QString &path) {
    const QString message =
        QStringLiteral(
            "config file %1 is larger than 16 MiB; pass the path of the JSON config file")
            .arg(QDir::toNativeSeparators(path));
    return {nullptr, {ConfigProblem{{}, message}}};
}

ConfigLoad pipeTooLarge(const QString &path) {
    const QString message =
        QStringLiteral("the writer of config pipe %1 sent more than 16 MiB; send the JSON config "
                       "through it, which is a few kilobytes")
            .arg(QDir::toNativeSeparators(path));
    return {nullptr, {ConfigProblem{{}, message}}};
}

#ifdef Q_OS_UNIX
ConfigLoad pipeProblem(const QString &path, const QString &problem) {
    const QString message = QStringLiteral("failed to read config file %1: %2")
                                .arg(QDir::toNativeSeparators(path), problem);
    return {nullptr, {ConfigProblem{{}, message}}};
}

// Reads a pipe to its end, waiting for a writer that has not come yet. The pipe is opened without
// blocking and polled in slices of 100 ms, so a thread that is asked to stop does not keep waiting.
ConfigLoad loadConfigFromPipe(const QString &path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return pipeProblem(path, QString::fromLocal8Bit(::strerror(errno)));
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });

    QByteArray content;
    char chunk[kChunkBytes];
    bool waitLogged = false;
    for (;;) {
        if (QThread::currentThread()->isInterruptionRequested()) {
            qCWarning(lcConfig).noquote()
                << "stopped before the writer of config pipe" << path << "sent the whole config";
            return pipeProblem(path, QStringLiteral("the program stopped before the pipe's writer "
                                                    "sent the whole config"));
        }
        pollfd ready{fd, POLLIN, 0};
        if (::poll(&ready, 1, 100) <= 0) {
            // A timeout, or a signal: check whether to stop, then wait again. A silent program
            // would look hung, so the wait is logged once.
            if (!waitLogged && content.isEmpty()) {
                qCInfo(lcConfig).noquote()
                    << QStringLiteral("waiting for the config from pipe %1; its writer must send "
                                      "it and close the pipe")
                           .arg(QDir::toNativeSeparators(path));
            }
            waitLogged = true;
            continue;
        }

        const ssize_t size = ::read(fd, chunk, sizeof chunk);
        if (size == 0 && content.trimmed().isEmpty()) {
            return pipeProblem(path, QStringLiteral("the pipe's writer sent nothing; send the "
                                                    "config as a JSON object"));
        }
        if (size == 0)
            return parseConfig(content);
        if (size < 0) {
            if (errno == EAGAIN || errno == EINTR)
                continue;
            return pipeProblem(path, QString::fromLocal8Bit(::strerror(errno)));
        }
        content.append(chunk, size);
        if (content.size() > kMaxConfigBytes)
            return pipeTooLarge(path);
    }
}
#endif

} // namespace

QString ConfigProblem::toString() const {
    if (path.isEmpty())
        return message;
    return path + QStringLiteral(": ") + message;
}

ConfigLoad parseConfig(const QByteArray &json) {
    // QJsonDocument reads a scalar or nothing at the top as "illegal value", which points at no
    // cause a user could see.
    const QByteArray trimmed = json.trimmed();
    if (trimmed.isEmpty()) {
        return {nullptr,
                {ConfigProblem{{},
                               QStringLiteral("the file is empty; write the config as a JSON "
                                              "object, or delete the file and start "
                                              "Signalbox to create it from the default")}}};
    }
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[') &&
        !trimmed.startsWith("\xEF\xBB\xBF")) {
        return {nullptr,
                {ConfigProblem{{},
                               QStringLiteral("the top level must be a JSON object, not "
                                              "\"%1\"")
                                   .arg(QString::fromUtf8(trimmed.left(20)))}}};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, error.offset);
        const QString message = QStringLiteral("invalid JSON at line %1, column %2 (offset %3): %4")
                                    .arg(line)
                                    .arg(column)
                                    .arg(error.offset)
                                    .arg(error.errorString());
        return {nullptr, {ConfigProblem{{}, message}}};
    }
    if (!document.isObject()) {
        return {nullptr,
                {ConfigProblem{{}, QStringLiteral("the top level must be a JSON object")}}};
    }

    if (const std::optional<DuplicateKey> duplicate = findDuplicateKey(json)) {
        return {nullptr,
                {ConfigProblem{duplicate->path,
                               QStringLiteral("\"%1\" is defined twice in the same object, and "
                                              "only one of the two would be read; remove or "
                                              "rename one")
                                   .arg(duplicate->key)}}};
    }

    ConfigReader reader;
    auto config = std::make_shared<Config>(reader.read(document.object()));

    QList<ConfigProblem> problems = reader.problems();
    problems += withoutShadowed(validateConfig(*config, reader.gaps()), reader.problems());
    if (!problems.isEmpty())
        return {nullptr, problems};
    return {config, {}};
}

bool isConfigPipe(const QString &path) {
#ifdef Q_OS_UNIX
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 && S_ISFIFO(info.st_mode);
#else
    Q_UNUSED(path);
    return false;
#endif
}

ConfigLoad loadConfigFile(const QString &path) {
#ifdef Q_OS_UNIX
    if (isConfigPipe(path))
        return loadConfigFromPipe(path);
#endif
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString message = QStringLiteral("failed to read config file %1: %2")
                                    .arg(QDir::toNativeSeparators(path), file.errorString());
        return {nullptr, {ConfigProblem{{}, message}}};
    }

    QByteArray content;
    for (QByteArray part = file.read(kChunkBytes); !part.isEmpty(); part = file.read(kChunkBytes)) {
        content += part;
        if (content.size() > kMaxConfigBytes)
            return tooLarge(path);
    }
    return parseConfig(content);
}

QByteArray defaultConfigJson() {
    return readResource(QStringLiteral("default-config.json"));
}

QByteArray demoConfigJson() {
    return readResource(QStringLiteral("demo-config.json"));
}

Status ensureConfigFile(const QString &path) {
    const QFileInfo info(path);
    if (info.exists()) {
        if (info.isDir()) {
            return Error{QStringLiteral("config path %1 is a folder; pass the path of a file")
                             .arg(QDir::toNativeSeparators(path))};
        }
        return Ok{};
    }

    if (!QDir().mkpath(info.absolutePath())) {
        return Error{QStringLiteral("failed to create the folder %1 for the config file")
                         .arg(QDir::toNativeSeparators(info.absolutePath()))};
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(defaultConfigJson()) < 0 || !file.commit()) {
        return Error{QStringLiteral("failed to write the default config to %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    qCInfo(lcConfig) << "wrote the default config to" << path;
    return Ok{};
}

int checkConfigFile(const QString &path, QTextStream &out) {
    const QString shownPath = QDir::toNativeSeparators(path);
    const ConfigLoad load = loadConfigFile(path);
    for (const ConfigProblem &problem : load.problems)
        out << shownPath << ": " << problem.toString() << '\n';

    if (load.ok()) {
        const auto counted = [](qsizetype count, const char *singular,
                                const char *plural) -> QString {
            return QString::number(count) + QLatin1Char(' ') +
                   QLatin1String(count == 1 ? singular : plural);
        };
        out << shownPath << ": valid, "
            << counted(load.config->providers.size(), "provider", "providers") << ", "
            << counted(load.config->models.size(), "model", "models") << ", "
            << counted(load.config->stages.size(), "stage", "stages") << '\n';
    } else {
        const qsizetype count = load.problems.size();
        out << shownPath << ": invalid, " << count << (count == 1 ? " problem\n" : " problems\n");
    }
    out.flush();
    return load.ok() ? 0 : 1;
}

} // namespace signalbox
