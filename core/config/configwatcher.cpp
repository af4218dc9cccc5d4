// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/configwatcher.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <utility>

namespace signalbox {

namespace {

// An estimate, long enough to merge the write, rename and attribute events of one editor save.
constexpr int kDebounceMs = 100;

constexpr int kFirstRetryMs = 1000;
constexpr int kLongestRetryMs = 30000;

} // namespace

ConfigWatcher::ConfigWatcher(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(QFileInfo(path).absoluteFilePath()) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ConfigWatcher::reload);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ConfigWatcher::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ConfigWatcher::scheduleReload);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &ConfigWatcher::scheduleReload);

    const QString folder = QFileInfo(m_path).absolutePath();
    if (!m_watcher.addPath(folder))
        qCWarning(lcConfig) << "failed to watch the config folder" << folder
                            << "so a replaced config file is not reloaded";
    watchFile();

    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly))
        m_lastContent = file.readAll();
}

void ConfigWatcher::scheduleReload() {
    m_debounce.start();
}

void ConfigWatcher::watchFile() {
    if (!m_watcher.files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher.addPath(m_path);
}

// A missing file comes back with a change event, but a failure to open one that exists, such as
// "Too many open files", can end without any.
void ConfigWatcher::retryLater() {
    if (!QFileInfo::exists(m_path))
        return;
    m_retryMs = m_retryMs == 0 ? kFirstRetryMs : std::min(2 * m_retryMs, kLongestRetryMs);
    m_retry.start(m_retryMs);
}

void ConfigWatcher::reload() {
    // A rename over the file drops it from the watcher, so add it again on every reload.
    watchFile();

    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        retryLater();
        if (m_reportedMissing)
            return;
        m_reportedMissing = true;
        qCWarning(lcConfig) << "failed to read config file" << m_path
                            << "error:" << file.errorString();
        const QString message = QStringLiteral("failed to read config file %1: %2. The last "
                                               "valid config stays in force.")
                                    .arg(QDir::toNativeSeparators(m_path), file.errorString());
        emit configRejected({ConfigProblem{{}, message}});
        return;
    }

    m_retry.stop();
    m_retryMs = 0;

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
