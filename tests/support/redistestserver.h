// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/redisconnection.h"

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A private redis-server for one test: on a free loopback port, in a temporary folder, with
// persistence off, so a restart starts empty. Every signal goes to the server's own process id.
class RedisTestServer {
public:
    RedisTestServer();
    ~RedisTestServer();

    // Returns the redis-server binary: SIGNALBOX_REDIS_SERVER, else redis-server on the PATH, else
    // an empty string.
    static QString executable();

    // Starts the server with extra arguments such as {"--requirepass", "..."}. The first start
    // picks a free port; a later start reuses it, as a restarted server would.
    bool start(const QStringList &extraArguments = {});
    // Stops the server with SIGTERM, then SIGKILL if it does not exit within 10 s.
    void stop();
    void pause();  // SIGSTOP: the server keeps its connections and replies to nothing
    void resume(); // SIGCONT

    bool isRunning() const;
    quint16 port() const { return m_port; }
    QString url() const;
    QString errorString() const { return m_error; }

    // Runs one command over a blocking connection of its own and returns the reply, or Failed.
    signalbox::RedisReply command(const QList<QByteArray> &arguments) const;

private:
    bool waitUntilAnswering();

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QStringList m_extraArguments;
    QString m_error;
};
