// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gating/redisconnection.h"

#include "logging.h"

#include <QDateTime>
#include <QHostAddress>
#include <QHostInfo>
#include <QSocketNotifier>

#include <hiredis/async.h>

#include <algorithm>
#include <vector>

namespace signalbox {

namespace {

RedisReply failedReply(const QString &reason) {
    RedisReply reply;
    reply.type = RedisReply::Type::Failed;
    reply.text = reason.toUtf8();
    return reply;
}

qint64 nowMSecs() {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

RedisReply redisReplyFromHiredis(const redisReply *reply) {
    RedisReply result;
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        result.type = RedisReply::Type::BulkString;
        result.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_STATUS:
        result.type = RedisReply::Type::SimpleString;
        result.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        result.type = RedisReply::Type::ErrorReply;
        result.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        result.type = RedisReply::Type::Integer;
        result.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        result.type = RedisReply::Type::Array;
        for (size_t i = 0; i < reply->elements; ++i)
            result.elements.append(redisReplyFromHiredis(reply->element[i]));
        break;
    default:
        result.type = RedisReply::Type::Nil;
        break;
    }
    return result;
}

RedisConnection::RedisConnection(RedisConnectionSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_retryDelayMs(m_settings.minRetryDelayMs) {
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &RedisConnection::onTimeout);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RedisConnection::startAttempt);
}

RedisConnection::~RedisConnection() {
    m_destroying = true;
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    if (redisAsyncContext *context = std::exchange(m_context, nullptr))
        redisAsyncFree(context); // runs every pending callback with a null reply
    for (PendingCommand *pending : m_pending)
        delete pending;
    m_pending.clear();
    m_waiting.clear();
}

void RedisConnection::open() {
    if (m_state != State::Disconnected || m_retryTimer.isActive())
        return;
    if (m_settings.awaitPassword) {
        // No timeout runs meanwhile: the owner calls setPassword() once the read ends, whether it
        // found a password or not.
        m_state = State::Connecting;
        m_awaitingPassword = true;
        return;
    }
    startAttempt();
}

void RedisConnection::startAttempt() {
    m_state = State::Connecting;
    if (!QHostAddress(m_settings.host).isNull()) {
        connectTo(m_settings.host);
        return;
    }
    // hiredis would resolve the name with a blocking getaddrinfo() call.
    m_lookupId = QHostInfo::lookupHost(m_settings.host, this, &RedisConnection::onHostLookedUp);
    m_timeoutTimer.start(m_settings.timeoutMs);
}

void RedisConnection::onHostLookedUp(const QHostInfo &info) {
    m_lookupId = -1;
    m_timeoutTimer.stop();
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        handleLoss(
            QStringLiteral("failed to resolve %1: %2").arg(m_settings.host, info.errorString()));
        return;
    }
    connectTo(info.addresses().constFirst().toString());
}

void RedisConnection::connectTo(const QString &address) {
    redisAsyncContext *context =
        redisAsyncConnect(address.toUtf8().constData(), int(m_settings.port));
    if (!context) {
        handleLoss(QStringLiteral("failed to allocate a Redis connection"));
        return;
    }
    if (context->err) {
        const QString reason = QString::fromUtf8(context->errstr);
        redisAsyncFree(context);
        handleLoss(reason);
        return;
    }
    attach(context);
    sendHandshake();
    for (auto &[arguments, handler] : std::exchange(m_waiting, {}))
        command(arguments, std::move(handler));
}

// The event hooks below are hiredis' adapter interface: hiredis calls them to say which socket
// events it waits for, and the notifiers call back into hiredis when they happen.
void RedisConnection::attach(redisAsyncContext *context) {
    m_context = context;
    context->data = this;
    context->ev.data = this;
    context->ev.addRead = &RedisConnection::addRead;
    context->ev.delRead = &RedisConnection::removeRead;
    context->ev.addWrite = &RedisConnection::addWrite;
    context->ev.delWrite = &RedisConnection::removeWrite;
    context->ev.cleanup = &RedisConnection::cleanup;
    redisAsyncSetConnectCallback(context, &RedisConnection::onConnected);
    redisAsyncSetDisconnectCallback(context, &RedisConnection::onDisconnected);

    const int fd = context->c.fd;
    m_readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    m_readNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, [this] {
        if (m_context)
            redisAsyncHandleRead(m_context);
    });
    m_writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, [this] {
        if (m_context)
            redisAsyncHandleWrite(m_context);
    });
}

// AUTH and SELECT go first on the socket, so commands sent while Connecting run after them.
// hiredis only notices that the TCP connection is up when it has something to write, and the
// final PING makes sure it always has.
void RedisConnection::sendHandshake() {
    if (!m_settings.password.isEmpty())
        sendAuth();
    if (m_settings.database != 0) {
        command({QByteArrayLiteral("SELECT"), QByteArray::number(m_settings.database)},
                [this](const RedisReply &reply) {
                    if (reply.isError()) {
                        drop(QStringLiteral("Redis rejected SELECT %1: %2")
                                 .arg(m_settings.database)
                                 .arg(QString::fromUtf8(reply.text)));
                    }
                });
    }
    command({QByteArrayLiteral("PING")},
            [this](const RedisReply &reply) { finishHandshake(reply); });
}

// Redis' error replies to AUTH, such as WRONGPASS, never repeat the password.
void RedisConnection::sendAuth() {
    QList<QByteArray> auth{QByteArrayLiteral("AUTH")};
    if (!m_settings.username.isEmpty())
        auth.append(m_settings.username.toUtf8());
    auth.append(m_settings.password.toUtf8());
    command(auth, [this](const RedisReply &reply) {
        if (reply.isError()) {
            drop(QStringLiteral("Redis rejected AUTH: %1; check the password stored with the "
                                "console's Gates page or SIGNALBOX_REDIS_PASSWORD")
                     .arg(QString::fromUtf8(reply.text)));
        }
    });
}

void RedisConnection::setPassword(const QString &password) {
    if (m_awaitingPassword) {
        m_awaitingPassword = false;
        m_settings.password = password;
        startAttempt();
        return;
    }
    if (password == m_settings.password)
        return;
    m_settings.password = password;
    m_retryDelayMs = m_settings.minRetryDelayMs;
    if (m_state == State::Ready && !password.isEmpty()) {
        sendAuth();
    } else if (m_state == State::Disconnected && m_retryTimer.isActive()) {
        m_retryTimer.stop();
        startAttempt();
    }
    // A connection in its handshake finishes it, and a rejection retries with the new password.
}

void RedisConnection::finishHandshake(const RedisReply &reply) {
    if (reply.failed() || m_state != State::Connecting)
        return;
    if (reply.isError() && reply.text.startsWith("NOAUTH")) {
        drop(QStringLiteral("Redis requires a password (NOAUTH), and none is set; store it "
                            "with the console's Gates page or set SIGNALBOX_REDIS_PASSWORD"));
        return;
    }
    if (reply.isError()) {
        drop(QStringLiteral("Redis rejected PING: %1").arg(QString::fromUtf8(reply.text)));
        return;
    }
    m_state = State::Ready;
    m_retryDelayMs = m_settings.minRetryDelayMs;
    m_lastError.clear();
    emit ready();
}

void RedisConnection::command(const QList<QByteArray> &arguments, ReplyHandler handler) {
    if (!m_context && (m_lookupId >= 0 || m_awaitingPassword)) {
        m_waiting.append({arguments, std::move(handler)});
        return;
    }
    if (!m_context || m_state == State::Disconnected) {
        handler(failedReply(m_lastError.isEmpty() ? QStringLiteral("not connected to Redis")
                                                  : m_lastError));
        return;
    }

    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    auto *pending = new PendingCommand{std::move(handler), nowMSecs() + m_settings.timeoutMs};
    const int status = redisAsyncCommandArgv(m_context, &RedisConnection::onReply, pending,
                                             int(argv.size()), argv.data(), lengths.data());
    if (status != REDIS_OK) {
        // hiredis refuses commands while it tears the connection down.
        const ReplyHandler rejected = std::move(pending->handler);
        delete pending;
        rejected(failedReply(QStringLiteral("the Redis connection is closing")));
        return;
    }
    m_pending.push_back(pending);
    if (!m_timeoutTimer.isActive())
        armTimeout();
}

void RedisConnection::onReply(redisAsyncContext *context, void *reply, void *privateData) {
    auto *self = static_cast<RedisConnection *>(context->data);
    auto *pending = static_cast<PendingCommand *>(privateData);
    const auto it = std::find(self->m_pending.begin(), self->m_pending.end(), pending);
    if (it != self->m_pending.end())
        self->m_pending.erase(it);

    if (!self->m_destroying) {
        RedisReply converted;
        if (reply) {
            converted = redisReplyFromHiredis(static_cast<redisReply *>(reply));
        } else {
            // A null reply: hiredis is freeing the context and flushes every waiting callback.
            const bool current = self->m_context == context;
            converted = failedReply(current && context->errstr ? QString::fromUtf8(context->errstr)
                                                               : self->m_lastError);
        }
        pending->handler(converted);
        self->armTimeout();
    }
    delete pending;
}

void RedisConnection::onConnected(const redisAsyncContext *context, int status) {
    auto *self = static_cast<RedisConnection *>(context->data);
    if (status == REDIS_OK || self->m_context != context)
        return;
    // hiredis frees the context right after this callback returns.
    self->m_context = nullptr;
    self->handleLoss(QString::fromUtf8(context->c.errstr));
}

void RedisConnection::onDisconnected(const redisAsyncContext *context, int) {
    auto *self = static_cast<RedisConnection *>(context->data);
    // A context this object dropped on purpose is no longer m_context.
    if (self->m_destroying || self->m_context != context)
        return;
    self->m_context = nullptr;
    self->handleLoss(context->errstr ? QString::fromUtf8(context->errstr)
                                     : QStringLiteral("Redis closed the connection"));
}

void RedisConnection::addRead(void *data) {
    auto *self = static_cast<RedisConnection *>(data);
    if (self->m_readNotifier)
        self->m_readNotifier->setEnabled(true);
}

void RedisConnection::removeRead(void *data) {
    auto *self = static_cast<RedisConnection *>(data);
    if (self->m_readNotifier)
        self->m_readNotifier->setEnabled(false);
}

void RedisConnection::addWrite(void *data) {
    auto *self = static_cast<RedisConnection *>(data);
    if (self->m_writeNotifier)
        self->m_writeNotifier->setEnabled(true);
}

void RedisConnection::removeWrite(void *data) {
    auto *self = static_cast<RedisConnection *>(data);
    if (self->m_writeNotifier)
        self->m_writeNotifier->setEnabled(false);
}

void RedisConnection::cleanup(void *data) {
    static_cast<RedisConnection *>(data)->releaseNotifiers();
}

// hiredis may free the context from inside a notifier's activated() signal, so the notifiers are
// disabled now and deleted once control is back in the event loop.
void RedisConnection::releaseNotifiers() {
    for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
        if (!notifier)
            continue;
        notifier->setEnabled(false);
        notifier->deleteLater();
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
}

// Closes the connection on this side. hiredis calls back every pending command with a null reply,
// which reaches the handlers as Failed with `reason`.
void RedisConnection::drop(const QString &reason) {
    redisAsyncContext *context = std::exchange(m_context, nullptr);
    m_state = State::Disconnected;
    m_lastError = reason;
    if (context)
        redisAsyncFree(context);
    handleLoss(reason);
}

void RedisConnection::handleLoss(const QString &reason) {
    m_state = State::Disconnected;
    m_lastError = reason;
    m_timeoutTimer.stop();
    failWaiting(reason);
    scheduleRetry();
    // Queued, so that receivers run after hiredis has finished with the context.
    QMetaObject::invokeMethod(
        this, [this, reason] { emit lost(reason); }, Qt::QueuedConnection);
}

void RedisConnection::failWaiting(const QString &reason) {
    for (auto &[arguments, handler] : std::exchange(m_waiting, {}))
        handler(failedReply(reason));
}

void RedisConnection::scheduleRetry() {
    if (m_destroying || m_retryTimer.isActive())
        return;
    m_retryTimer.start(m_retryDelayMs);
    m_retryDelayMs = std::min(m_retryDelayMs * 2, m_settings.maxRetryDelayMs);
}

void RedisConnection::armTimeout() {
    if (!m_context || m_pending.empty()) {
        m_timeoutTimer.stop();
        return;
    }
    const qint64 remaining = m_pending.front()->deadlineMSecs - nowMSecs();
    m_timeoutTimer.start(int(std::max<qint64>(0, remaining)));
}

void RedisConnection::onTimeout() {
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(std::exchange(m_lookupId, -1));
        handleLoss(QStringLiteral("resolving %1 took longer than %2 ms")
                       .arg(m_settings.host)
                       .arg(m_settings.timeoutMs));
        return;
    }
    if (!m_context || m_pending.empty())
        return;
    if (m_pending.front()->deadlineMSecs > nowMSecs()) {
        armTimeout();
        return;
    }
    qCDebug(lcGates) << "Redis did not answer within" << m_settings.timeoutMs << "ms";
    drop(QStringLiteral("Redis did not answer within %1 ms").arg(m_settings.timeoutMs));
}

} // namespace signalbox
