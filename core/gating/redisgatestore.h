// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/redisurl.h"
#include "gating/gatestore.h"
#include "gating/memorygatestore.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace signalbox {

class RedisConnection;
struct RedisReply;
struct RedisScript;

struct RedisGateStoreSettings {
    RedisEndpoint endpoint;
    QString password; // empty: no AUTH
    // The password is still being read from the keychain: the store connects once setPassword()
    // delivers the result, and commands wait until then.
    bool passwordPending = false;
    QString prefix = QStringLiteral("signalbox:");
    bool failOpen = false;
    int timeoutMs = 1000;
    int reservationTtlSeconds = 300;
    // Names this instance's share of the spend in Redis. It must stay the same across restarts
    // on one ledger and differ between instances, or a ledger's spend is counted twice.
    QString instanceId;
};

// The gate store shared by every Signalbox instance that names the same Redis server and key
// prefix. Each operation is one Lua script, so two instances can never both fit a request into
// the same headroom. The layout of the keys is described in redisscripts.cpp.
//
// While Redis is unreachable, requests are rejected with a store failure (fail closed) or
// admitted against a local memory store that mirrors the last spend seen in Redis (fail open).
// Settlements that cannot be written wait in a queue and are replayed when Redis returns; a
// marker per reservation makes a replayed settlement count once. On reconnected(), the owner
// raises this instance's share to its ledger total through setSpent().
class RedisGateStore final : public QObject, public GateStore {
    Q_OBJECT

public:
    explicit RedisGateStore(RedisGateStoreSettings settings, QObject *parent = nullptr);
    ~RedisGateStore() override;

    void reserve(const ReserveCall &call,
                 std::function<void(const ReserveOutcome &)> done) override;
    void settle(const SettleCall &call, std::function<void(const SettleOutcome &)> done) override;
    void release(const QString &reservationId) override;
    void admitRate(const RateCall &call, std::function<void(const RateOutcome &)> done) override;
    void correctRateTokens(const RateCorrection &correction) override;
    void snapshot(const SnapshotCall &call,
                  std::function<void(const StoreSnapshot &)> done) override;
    void setSpent(const QList<SpendEntry> &entries) override;
    GateStoreStatus status() const override;

    // Replaces the password, e.g. when it arrives from the keychain after the store started
    // connecting: the connection retries with it at once, or authenticates with it if ready.
    void setPassword(const QString &password);

    bool isHealthy() const { return m_health == Health::Up; }
    int pendingSettlementCount() const;

signals:
    // Redis is reachable again after an outage, and the queued settlements have been sent.
    void reconnected();
    // The store became unhealthy or healthy again; message is for the console's event log.
    void healthChanged(bool healthy, const QString &message);

private:
    enum class Health { Starting, Up, Down };

    void loadScripts();

    struct OpenReservation {
        NanoUsd amount = 0;
        QList<BudgetLine> budgets;
        bool local = false; // made on the local store while Redis was unreachable
    };

    // A settlement or release that Redis has not confirmed yet.
    struct PendingWrite {
        enum class Kind { Settle, Release };
        Kind kind = Kind::Settle;
        QString id; // the reservation id as stored in Redis
        NanoUsd actual = 0;
        QList<BudgetLine> budgets;
        PeriodKeys periods;
        bool sending = false;
    };

    using ScriptHandler = std::function<void(const RedisReply &)>;

    bool usesRedis() const { return m_health != Health::Down; }
    QString key(const QString &part) const;
    QString storedId(const QString &reservationId) const;
    QByteArray keyBytes(const QString &part) const { return key(part).toUtf8(); }
    void runScript(const RedisScript &script, const QList<QByteArray> &keys,
                   const QList<QByteArray> &arguments, ScriptHandler handler);
    void sendScript(const RedisScript &script, bool byHash, const QList<QByteArray> &keys,
                    const QList<QByteArray> &arguments, ScriptHandler handler);

    void reserveInRedis(const ReserveCall &call, std::function<void(const ReserveOutcome &)> done);
    void reserveLocally(const ReserveCall &call, std::function<void(const ReserveOutcome &)> done);
    void onReserveFailed(const ReserveCall &call, const QString &error,
                         std::function<void(const ReserveOutcome &)> done);
    void admitRateInRedis(const RateCall &call, std::function<void(const RateOutcome &)> done);
    void snapshotInRedis(const SnapshotCall &call, std::function<void(const StoreSnapshot &)> done);

    void write(PendingWrite entry, std::function<void(const SettleOutcome *)> done);
    void sendWrite(const PendingWrite &entry, std::function<void(const SettleOutcome *)> done);
    void enqueue(PendingWrite entry);
    void replayQueue();
    void chargeLocally(const PendingWrite &entry);
    void mirrorSpent(const QList<BudgetUsage> &budgets);

    void onConnectionReady();
    void markDown(const QString &reason);
    QString unavailableMessage() const;
    void sendHeartbeat();
    void extendReservations();

    RedisGateStoreSettings m_settings;
    RedisConnection *m_connection;
    MemoryGateStore m_local;
    Health m_health = Health::Starting;
    QString m_lastError;
    int m_instances = -1;
    int m_failedAttempts = 0;
    QHash<QString, OpenReservation> m_open; // Gates' reservation id -> its amount and budgets
    QList<PendingWrite> m_queue;            // oldest first
    QTimer m_heartbeatTimer;
};

} // namespace signalbox
