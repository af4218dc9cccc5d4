// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <deque>
#include <functional>

struct redisAsyncContext;
struct redisReply;
class QHostInfo;
class QSocketNotifier;

namespace signalbox {

// One reply from Redis, copied out of hiredis' reply tree.
struct RedisReply {
    enum class Type { Failed, Nil, Integer, BulkString, SimpleString, ErrorReply, Array };

    Type type = Type::Failed;
    qint64 integer = 0;
    QByteArray text; // BulkString, SimpleString and ErrorReply; with Failed, why no reply arrived
    QList<RedisReply> elements;

    bool failed() const { return type == Type::Failed; }
    bool isError() const { return type == Type::ErrorReply; }
};

// Copies a hiredis reply, with its nested elements, into a RedisReply.
RedisReply redisReplyFromHiredis(const redisReply *reply);

struct RedisConnectionSettings {
    QString host;
    quint16 port = 6379;
    int database = 0;
    QString username; // a Redis 6 ACL user; empty means the default user
    QString password; // sent with AUTH, never logged
    // The password is still being read, e.g. from the keychain: open() waits for setPassword()
    // before it connects, so a server that requires AUTH does not see a command without it.
    bool awaitPassword = false;
    int timeoutMs = 1000;
    int minRetryDelayMs = 200;
    int maxRetryDelayMs = 2000;
};

// An asynchronous connection to one Redis server, driven by the Qt event loop of the thread it
// lives on. hiredis reads and writes when QSocketNotifiers report the socket ready, and host names
// are resolved with QHostInfo, so no call blocks the thread.
//
// Every command gets exactly one answer: Redis' reply, or Failed when the connection is lost or
// when the oldest command has waited timeoutMs. A timeout drops the connection, because Redis
// answers in order and a server that is stuck on one command answers none of the later ones. After
// every loss the connection reconnects by itself, with a delay that doubles up to maxRetryDelayMs.
// Handlers run on this thread, sometimes before command() returns; a handler must not destroy the
// connection.
class RedisConnection : public QObject {
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Ready };
    using ReplyHandler = std::function<void(const RedisReply &)>;

    explicit RedisConnection(RedisConnectionSettings settings, QObject *parent = nullptr);
    // Drops the pending commands without running their handlers.
    ~RedisConnection() override;

    // Connects, and reconnects after every loss until the connection is destroyed.
    void open();

    // Sends a command. Commands sent while Connecting wait behind the handshake, and those sent
    // while awaiting the password wait for it. While Disconnected the handler runs at once with
    // Failed.
    void command(const QList<QByteArray> &arguments, ReplyHandler handler);

    // Replaces the password for AUTH. A connection awaiting the password connects now, with AUTH
    // unless the password is empty. A ready connection authenticates with it at once; one that
    // is waiting to retry reconnects now instead of after its delay. An empty password changes
    // only later connections, because Redis has no command to drop an authentication.
    void setPassword(const QString &password);

    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }

signals:
    // The handshake (AUTH, SELECT, PING) succeeded.
    void ready();
    // A connection or a connection attempt failed; the next attempt is scheduled.
    void lost(const QString &reason);

private:
    struct PendingCommand {
        ReplyHandler handler;
        qint64 deadlineMSecs = 0;
    };

    static void onConnected(const redisAsyncContext *context, int status);
    static void onDisconnected(const redisAsyncContext *context, int status);
    static void onReply(redisAsyncContext *context, void *reply, void *privateData);
    static void addRead(void *data);
    static void removeRead(void *data);
    static void addWrite(void *data);
    static void removeWrite(void *data);
    static void cleanup(void *data);

    void startAttempt();
    void onHostLookedUp(const QHostInfo &info);
    void connectTo(const QString &address);
    void attach(redisAsyncContext *context);
    void sendHandshake();
    void sendAuth();
    void finishHandshake(const RedisReply &reply);
    void drop(const QString &reason);
    void handleLoss(const QString &reason);
    void failWaiting(const QString &reason);
    void scheduleRetry();
    void armTimeout();
    void onTimeout();
    void releaseNotifiers();

    RedisConnectionSettings m_settings;
    redisAsyncContext *m_context = nullptr;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    State m_state = State::Disconnected;
    QString m_lastError;
    std::deque<PendingCommand *> m_pending; // in the order Redis replies to them
    // Commands sent while the password is awaited or the host name is being resolved, sent once
    // there is a socket.
    QList<std::pair<QList<QByteArray>, ReplyHandler>> m_waiting;
    QTimer m_timeoutTimer;
    QTimer m_retryTimer;
    int m_retryDelayMs = 0;
    int m_lookupId = -1;
    bool m_awaitingPassword = false;
    bool m_destroying = false;
};

} // namespace signalbox
