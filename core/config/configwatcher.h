// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/configloader.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace signalbox {

// Reloads the config file when it changes on disk and reports the new snapshot or its problems.
// Editors often save by writing a new file and renaming it over the old one, which ends a watch
// on the file itself, so the parent folder is watched too and the file is watched again when it
// reappears. Bursts of change events are merged into one reload.
//
// A file that exists but cannot be opened, for example while the process has no file descriptor
// free, is tried again after 1 s, then at doubling intervals up to 30 s. An edit made meanwhile
// then takes effect without another edit. A path that is not a regular file, such as a named pipe, is
// reported and never opened, because opening a pipe waits for a writer.
//
// The content at construction is the baseline: create the watcher right after loading the file,
// and only later changes are reported. Content equal to the last content read emits nothing.
class ConfigWatcher : public QObject {
    Q_OBJECT

public:
    explicit ConfigWatcher(const QString &path, QObject *parent = nullptr);

    QString path() const { return m_path; }

    // Records content the app itself is about to write to the file, so that the change event of
    // that write is not reported as an outside edit.
    void expectContent(const QByteArray &content) { m_lastContent = content; }

signals:
    // The file changed and is valid.
    void configLoaded(signalbox::ConfigPtr config);

    // The file changed and is invalid or was removed. The caller keeps its last good snapshot.
    void configRejected(QList<signalbox::ConfigProblem> problems);

private:
    void scheduleReload();
    void reload();
    enum class PathState { File, Missing, NotAFile, Unreadable };

    void watchFile();
    PathState pathState() const;
    void retryLater(bool afterRetry);
    void stopRetrying();
    void retryNow();
    void reportUnreadable(const QString &reason);

    QString m_path;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QTimer m_retry;
    int m_retryMs = 0; // the wait before the next retry
    bool m_retrying = false;
    QByteArray m_lastContent;
    bool m_reportedMissing = false;
};

} // namespace signalbox
