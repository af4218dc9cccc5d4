// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "support/redistestserver.h"

#include <QDeadlineTimer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

#include <hiredis/hiredis.h>

#include <csignal>
#include <vector>

using signalbox::RedisReply;

namespace {

quint16 freeLoopbackPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

RedisTestServer::RedisTestServer() {
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

RedisTestServer::~RedisTestServer() {
    if (isRunning()) {
        resume();
        stop();
    }
}

QString RedisTestServer::executable() {
    const QString configured = qEnvironmentVariable("SIGNALBOX_REDIS_SERVER");
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::findExecutable(QStringLiteral("redis-server"));
}

bool RedisTestServer::start(const QStringList &extraArguments) {
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>();
        m_extraArguments = extraArguments;
    }
    // A port picked free can be taken by another process before the server binds it.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (m_port == 0 || attempt > 0)
            m_port = freeLoopbackPort();
        m_process.setWorkingDirectory(m_dir->path());
        QStringList arguments{QStringLiteral("--port"),       QString::number(m_port),
                              QStringLiteral("--bind"),       QStringLiteral("127.0.0.1"),
                              QStringLiteral("--save"),       QString(),
                              QStringLiteral("--appendonly"), QStringLiteral("no"),
                              QStringLiteral("--dir"),        m_dir->path()};
        arguments += m_extraArguments;
        m_process.start(executable(), arguments);
        if (!m_process.waitForStarted(10000)) {
            m_error = m_process.errorString();
            return false;
        }
        if (waitUntilAnswering())
            return true;
        m_error = QString::fromUtf8(m_process.readAll());
        stop();
    }
    return false;
}

// Waits until the server replies to PING, or has exited.
bool RedisTestServer::waitUntilAnswering() {
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        QList<QByteArray> ping{QByteArrayLiteral("PING")};
        const QString password =
            m_extraArguments.contains(QStringLiteral("--requirepass"))
                ? m_extraArguments.value(m_extraArguments.indexOf(QStringLiteral("--requirepass")) +
                                         1)
                : QString();
        if (!password.isEmpty())
            ping = {QByteArrayLiteral("AUTH"), password.toUtf8()};
        const RedisReply reply = command(ping);
        if (!reply.failed() && !reply.isError())
            return true;
        QThread::msleep(50);
    }
    return false;
}

void RedisTestServer::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(10000)) {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(5000);
    }
}

void RedisTestServer::pause() {
    if (isRunning())
        ::kill(pid_t(m_process.processId()), SIGSTOP);
}

void RedisTestServer::resume() {
    if (isRunning())
        ::kill(pid_t(m_process.processId()), SIGCONT);
}

bool RedisTestServer::isRunning() const {
    return m_process.state() == QProcess::Running;
}

QString RedisTestServer::url() const {
    return QStringLiteral("redis://127.0.0.1:%1/0").arg(m_port);
}

RedisReply RedisTestServer::command(const QList<QByteArray> &arguments) const {
    RedisReply failed;
    const timeval timeout{2, 0};
    redisContext *context = redisConnectWithTimeout("127.0.0.1", int(m_port), timeout);
    if (!context || context->err) {
        failed.text = context ? QByteArray(context->errstr) : QByteArrayLiteral("out of memory");
        if (context)
            redisFree(context);
        return failed;
    }
    redisSetTimeout(context, timeout);

    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    auto *reply = static_cast<redisReply *>(
        redisCommandArgv(context, int(argv.size()), argv.data(), lengths.data()));
    RedisReply result = failed;
    if (reply) {
        result = signalbox::redisReplyFromHiredis(reply);
        freeReplyObject(reply);
    } else {
        result.text = QByteArray(context->errstr);
    }
    redisFree(context);
    return result;
}
