// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/configwatcher.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <utility>

#ifdef Q_OS_UNIX
#include <sys/stat.h>

#include <cerrno>
#endif

namespace signalbox {

namespace {

// An estimate, long enough to merge the write, rename and attribute events of one editor save.
constexpr int kDebounceMs = 100;

constexpr int kFirstRetryMs = 1000;
constexpr int kLongestRetryMs = 30000;

} // namespace

ConfigWatcher::ConfigWatcher(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(QFileInfo(path).absoluteFilePath())
    , m_retryMs(kFirstRetryMs) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ConfigWatcher::reload);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ConfigWatcher::retryNow);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ConfigWatcher::scheduleReload);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &ConfigWatcher::scheduleReload);

    const QString folder = QFileInfo(m_path).absolutePath();
    if (!m_watcher.addPath(folder))
        qCWarning(lcConfig) << "failed to watch the config folder" << folder
                            << "so a replaced config file is not reloaded";
    watchFile();

    QFile file(m_path);
    if (pathState() == PathState::File && file.open(QIODevice::ReadOnly))
        m_lastContent = file.readAll();
}

void ConfigWatcher::scheduleReload() {
    m_debounce.start();
}

void ConfigWatcher::watchFile() {
    if (!m_watcher.files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher.addPath(m_path);
}

// Returns what the path is without opening it, because opening a named pipe would block the
// thread that serves requests until a writer comes.
ConfigWatcher::PathState ConfigWatcher::pathState() const {
#ifdef Q_OS_UNIX
    struct stat info {};
    if (::stat(QFile::encodeName(m_path).constData(), &info) != 0)
        return errno == ENOENT || errno == ENOTDIR ? PathState::Missing : PathState::Unreadable;
    return S_ISREG(info.st_mode) ? PathState::File : PathState::NotAFile;
#else
    const QFileInfo info(m_path);
    if (!info.exists())
        return PathState::Missing;
    return info.isFile() ? PathState::File : PathState::NotAFile;
#endif
}

// A missing file comes back with a change event, but a failure to open one that exists, such as
// "Too many open files", can end without any. The wait doubles only when a retry fails again,
// not with every edit that fails meanwhile.
void ConfigWatcher::retryLater(bool afterRetry) {
    if (afterRetry)
        m_retryMs = std::min(2 * m_retryMs, kLongestRetryMs);
    if (!m_retry.isActive())
        m_retry.start(m_retryMs);
}

void ConfigWatcher::stopRetrying() {
    m_retry.stop();
    m_retryMs = kFirstRetryMs;
}

void ConfigWatcher::retryNow() {
    m_retrying = true;
    reload();
    m_retrying = false;
}

void ConfigWatcher::reportUnreadable(const QString &reason) {
    if (m_reportedMissing)
        return;
    m_reportedMissing = true;
    emit configRejected({ConfigProblem{{},
                                       QStringLiteral("failed to read config file %1: %2")
                                           .arg(QDir::toNativeSeparators(m_path), reason)}});
}

void ConfigWatcher::reload() {
    // A rename over the file drops it from the watcher, so add it again on every reload.
    watchFile();

    const PathState state = pathState();
    if (state == PathState::NotAFile) {
        stopRetrying();
        reportUnreadable(QStringLiteral("it is not a regular file; put the config in a file "
                                        "at that path"));
        return;
    }
    QFile file(m_path);
    if (state == PathState::Missing || !file.open(QIODevice::ReadOnly)) {
        if (state == PathState::Missing)
            stopRetrying();
        else
            retryLater(m_retrying);
        reportUnreadable(state == PathState::Missing ? QStringLiteral("the file does not exist")
                                                     : file.errorString());
        return;
    }
    stopRetrying();

    // After a reported removal, unchanged content is still reported, because it ends the
    // rejected state.
    const bool wasMissing = std::exchange(m_reportedMissing, false);
    const QByteArray content = file.readAll();
    if (content == m_lastContent && !wasMissing)
        return;
    m_lastContent = content;

    const ConfigLoad load = parseConfig(content);
    if (load.ok()) {
        qCInfo(lcConfig) << "reloaded config from" << m_path;
        emit configLoaded(load.config);
        return;
    }
    qCWarning(lcConfig) << "config file" << m_path << "has" << load.problems.size()
                        << "problems; the last valid config stays in force";
    emit configRejected(load.problems);
}

} // namespace signalbox
