// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gating/redisgatestore.h"

#include "gating/redisconnection.h"
#include "gating/redisscripts.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace signalbox {

namespace {

// A period's counters outlive the period by a margin, then Redis deletes them. The expiry moves
// with every write, and a day (at most 25 hours) or a month (at most 31 days) ends well before.
constexpr int DayKeyTtlSeconds = 3 * 24 * 3600;
constexpr int MonthKeyTtlSeconds = 40 * 24 * 3600;
// How long a settlement's marker stops it from counting twice. A queued settlement replayed
// later than this could count twice, so the marker lasts far longer than any expected outage.
constexpr int SettledMarkerTtlSeconds = 7 * 24 * 3600;
constexpr int MaxExtendBatch = 100;

// Month keys look like "2026-12", day keys like "2026-12-04".
int keyTtlFor(const QString &periodKey) {
    return periodKey.size() == 7 ? MonthKeyTtlSeconds : DayKeyTtlSeconds;
}

// Heartbeats come three times per reservation lifetime, at most every 5 s, so a reservation is
// extended well before it would expire.
int heartbeatIntervalMs(int reservationTtlSeconds) {
    return std::clamp(reservationTtlSeconds * 1000 / 3, 250, 5000);
}

QByteArray number(qint64 value) {
    return QByteArray::number(value);
}

QByteArray instanceDescription() {
    const QJsonObject description{
        {QStringLiteral("host"), QHostInfo::localHostName()},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
        {QStringLiteral("started_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    return QJsonDocument(description).toJson(QJsonDocument::Compact);
}

bool isArray(const RedisReply &reply, qsizetype size) {
    return reply.type == RedisReply::Type::Array && reply.elements.size() >= size;
}

QString replyProblem(const RedisReply &reply) {
    if (reply.isError())
        return QString::fromUtf8(reply.text);
    return QStringLiteral("unexpected reply from Redis");
}

} // namespace

RedisGateStore::RedisGateStore(RedisGateStoreSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings)) {
    RedisConnectionSettings connection;
    connection.host = m_settings.endpoint.host;
    connection.port = m_settings.endpoint.port;
    connection.database = m_settings.endpoint.database;
    connection.username = m_settings.endpoint.username;
    connection.password = m_settings.password;
    connection.awaitPassword = m_settings.passwordPending;
    connection.timeoutMs = m_settings.timeoutMs;
    m_connection = new RedisConnection(connection, this);
    connect(m_connection, &RedisConnection::ready, this, &RedisGateStore::onConnectionReady);
    connect(m_connection, &RedisConnection::lost, this, &RedisGateStore::markDown);
    m_connection->open();

    m_heartbeatTimer.setInterval(heartbeatIntervalMs(m_settings.reservationTtlSeconds));
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] {
        if (m_health != Health::Up)
            return;
        sendHeartbeat();
        extendReservations();
    });
    m_heartbeatTimer.start();
}

RedisGateStore::~RedisGateStore() {
    // First, so that no reply handler runs against members already destroyed.
    delete m_connection;
}

void RedisGateStore::setPassword(const QString &password) {
    m_connection->setPassword(password);
}

QString RedisGateStore::key(const QString &part) const {
    return m_settings.prefix + part;
}

// Reservation ids are unique per process only, so Redis stores them under the instance id.
QString RedisGateStore::storedId(const QString &reservationId) const {
    return m_settings.instanceId + QLatin1Char('/') + reservationId;
}

void RedisGateStore::runScript(const RedisScript &script, const QList<QByteArray> &keys,
                               const QList<QByteArray> &arguments, ScriptHandler handler) {
    sendScript(script, true, keys, arguments, std::move(handler));
}

void RedisGateStore::sendScript(const RedisScript &script, bool byHash,
                                const QList<QByteArray> &keys, const QList<QByteArray> &arguments,
                                ScriptHandler handler) {
    QList<QByteArray> command{byHash ? QByteArrayLiteral("EVALSHA") : QByteArrayLiteral("EVAL"),
                              byHash ? script.sha1 : script.source, number(keys.size())};
    command += keys;
    command += arguments;
    const RedisScript *sent = &script;
    m_connection->command(command, [this, sent, byHash, keys, arguments,
                                    handler = std::move(handler)](const RedisReply &reply) {
        // A server that restarted has an empty script cache; EVAL runs and caches the script.
        if (byHash && reply.isError() && reply.text.startsWith("NOSCRIPT")) {
            sendScript(*sent, false, keys, arguments, handler);
            return;
        }
        if (reply.failed())
            markDown(QString::fromUtf8(reply.text));
        else if (reply.isError())
            qCWarning(lcGates) << "Redis script" << sent->name << "failed:" << reply.text;
        handler(reply);
    });
}

void RedisGateStore::reserve(const ReserveCall &call,
                             std::function<void(const ReserveOutcome &)> done) {
    if (call.budgets.isEmpty()) {
        m_open.insert(call.reservationId, {call.amount, {}, false});
        done({ReserveOutcome::Kind::Reserved, {}, QString()});
        return;
    }
    if (usesRedis()) {
        reserveInRedis(call, std::move(done));
        return;
    }
    if (m_settings.failOpen) {
        reserveLocally(call, std::move(done));
        return;
    }
    done({ReserveOutcome::Kind::StoreFailed, {}, unavailableMessage()});
}

void RedisGateStore::reserveInRedis(const ReserveCall &call,
                                    std::function<void(const ReserveOutcome &)> done) {
    const QString id = storedId(call.reservationId);
    const QJsonObject description{{QStringLiteral("instance"), m_settings.instanceId},
                                  {QStringLiteral("amount_nano_usd"), call.amount}};
    QList<QByteArray> keys{keyBytes(QStringLiteral("reservation:") + id)};
    QList<QByteArray> arguments{id.toUtf8(), number(call.amount),
                                number(qint64(m_settings.reservationTtlSeconds) * 1000),
                                QJsonDocument(description).toJson(QJsonDocument::Compact)};
    for (const BudgetLine &line : call.budgets) {
        keys << keyBytes(
                    QStringLiteral("budget:%1:%2").arg(line.gateId, call.periods.of(line.period)))
             << keyBytes(QStringLiteral("reserved:") + line.gateId)
             << keyBytes(QStringLiteral("reserved-amount:") + line.gateId);
        arguments << number(line.limit);
    }

    runScript(redisscripts::reserve(), keys, arguments,
              [this, call, done](const RedisReply &reply) {
                  if (isArray(reply, 1) && reply.elements[0].integer == 1) {
                      m_open.insert(call.reservationId, {call.amount, call.budgets, false});
                      done({ReserveOutcome::Kind::Reserved, {}, QString()});
                      return;
                  }
                  const qsizetype index = isArray(reply, 4) ? reply.elements[1].integer - 1 : -1;
                  if (index >= 0 && index < call.budgets.size()) {
                      const BudgetLine &line = call.budgets.at(index);
                      const BudgetUsage usage{line.gateId, call.periods.of(line.period), line.limit,
                                              reply.elements[2].integer, reply.elements[3].integer};
                      done({ReserveOutcome::Kind::OverBudget, usage, QString()});
                      return;
                  }
                  onReserveFailed(
                      call,
                      reply.failed()
                          ? unavailableMessage()
                          : QStringLiteral("Redis failed to reserve: %1").arg(replyProblem(reply)),
                      done);
              });
}

// The script may have run before the reply was lost, so a release is queued for the
// reservation: otherwise it would hold budget until it expires.
void RedisGateStore::onReserveFailed(const ReserveCall &call, const QString &error,
                                     std::function<void(const ReserveOutcome &)> done) {
    PendingWrite release;
    release.kind = PendingWrite::Kind::Release;
    release.id = storedId(call.reservationId);
    release.budgets = call.budgets;
    write(release, nullptr);

    if (m_settings.failOpen) {
        reserveLocally(call, std::move(done));
        return;
    }
    done({ReserveOutcome::Kind::StoreFailed, {}, error});
}

void RedisGateStore::reserveLocally(const ReserveCall &call,
                                    std::function<void(const ReserveOutcome &)> done) {
    m_local.reserve(call, [this, call, done](const ReserveOutcome &outcome) {
        if (outcome.kind == ReserveOutcome::Kind::Reserved)
            m_open.insert(call.reservationId, {call.amount, call.budgets, true});
        done(outcome);
    });
}

void RedisGateStore::settle(const SettleCall &call,
                            std::function<void(const SettleOutcome &)> done) {
    if (!m_open.contains(call.reservationId)) {
        done({false, {}});
        return;
    }
    const OpenReservation open = m_open.take(call.reservationId);
    if (open.budgets.isEmpty()) {
        done({true, {}});
        return;
    }

    PendingWrite entry;
    entry.kind = PendingWrite::Kind::Settle;
    entry.id = storedId(call.reservationId);
    entry.actual = std::max<NanoUsd>(0, call.actual);
    entry.budgets = open.budgets;
    entry.periods = call.periods;

    if (open.local) {
        // The local store charges it now; Redis gets it now or when it returns.
        SettleOutcome local;
        m_local.settle(call, [&local](const SettleOutcome &outcome) { local = outcome; });
        write(entry, nullptr);
        done(local);
        return;
    }

    write(entry, [this, entry, done](const SettleOutcome *outcome) {
        if (outcome) {
            mirrorSpent(outcome->budgets);
            done(*outcome);
            return;
        }
        // Queued: until Redis has it, the local counters carry it.
        chargeLocally(entry);
        done({true, {}});
    });
}

void RedisGateStore::release(const QString &reservationId) {
    if (!m_open.contains(reservationId))
        return;
    const OpenReservation open = m_open.take(reservationId);
    if (open.local) {
        m_local.release(reservationId);
        return;
    }
    if (open.budgets.isEmpty())
        return;

    PendingWrite entry;
    entry.kind = PendingWrite::Kind::Release;
    entry.id = storedId(reservationId);
    entry.budgets = open.budgets;
    write(entry, nullptr);
}

// Sends a settlement or release now, or queues it while Redis is down or when sending fails.
// `done` gets the settlement's outcome, or null when it was queued.
void RedisGateStore::write(PendingWrite entry, std::function<void(const SettleOutcome *)> done) {
    if (!usesRedis()) {
        enqueue(entry);
        if (done)
            done(nullptr);
        return;
    }
    sendWrite(entry, [this, entry, done](const SettleOutcome *outcome) {
        if (!outcome)
            enqueue(entry);
        if (done)
            done(outcome);
    });
}

void RedisGateStore::sendWrite(const PendingWrite &entry,
                               std::function<void(const SettleOutcome *)> done) {
    const QByteArray id = entry.id.toUtf8();
    if (entry.kind == PendingWrite::Kind::Release) {
        QList<QByteArray> keys{keyBytes(QStringLiteral("reservation:") + entry.id)};
        for (const BudgetLine &line : entry.budgets) {
            keys << keyBytes(QStringLiteral("reserved:") + line.gateId)
                 << keyBytes(QStringLiteral("reserved-amount:") + line.gateId);
        }
        runScript(redisscripts::release(), keys, {id}, [done](const RedisReply &reply) {
            const SettleOutcome released{true, {}};
            done(reply.type == RedisReply::Type::Integer ? &released : nullptr);
        });
        return;
    }

    QList<QByteArray> keys{keyBytes(QStringLiteral("reservation:") + entry.id),
                           keyBytes(QStringLiteral("settled:") + entry.id)};
    QList<QByteArray> arguments{id, number(entry.actual), m_settings.instanceId.toUtf8(),
                                number(SettledMarkerTtlSeconds)};
    QList<BudgetUsage> budgets;
    for (const BudgetLine &line : entry.budgets) {
        const QString &periodKey = entry.periods.of(line.period);
        keys << keyBytes(QStringLiteral("budget:%1:%2").arg(line.gateId, periodKey))
             << keyBytes(QStringLiteral("reserved:") + line.gateId)
             << keyBytes(QStringLiteral("reserved-amount:") + line.gateId);
        arguments << number(keyTtlFor(periodKey));
        budgets.append({line.gateId, periodKey, line.limit, 0, 0});
    }
    runScript(redisscripts::settle(), keys, arguments,
              [entry, budgets, done](const RedisReply &reply) {
                  if (!isArray(reply, 1 + 2 * budgets.size())) {
                      done(nullptr);
                      return;
                  }
                  if (reply.elements[0].integer == 0) {
                      qCInfo(lcGates) << "settlement of" << entry.id
                                      << "was already counted; not charged again";
                  }
                  SettleOutcome outcome{true, budgets};
                  for (qsizetype i = 0; i < budgets.size(); ++i) {
                      outcome.budgets[i].spent = reply.elements[1 + 2 * i].integer;
                      outcome.budgets[i].reserved = reply.elements[2 + 2 * i].integer;
                  }
                  done(&outcome);
              });
}

// NOTE: the queue lives in memory without a bound. A long outage under heavy traffic grows it, and
// a stop loses it; the ledger rebuild at the next start restores the spend it carried.
void RedisGateStore::enqueue(PendingWrite entry) {
    for (const PendingWrite &queued : std::as_const(m_queue)) {
        if (queued.id == entry.id && queued.kind == entry.kind)
            return;
    }
    entry.sending = false;
    m_queue.append(entry);
    qCDebug(lcGates) << "queued"
                     << (entry.kind == PendingWrite::Kind::Settle ? "settlement" : "release")
                     << "of" << entry.id << "until Redis answers;" << m_queue.size() << "queued";
}

// Sends every queued write once. A write that fails again stays queued for the next reconnect.
// A settlement that did reach Redis before counts once, because of its settled marker.
void RedisGateStore::replayQueue() {
    QList<PendingWrite> toSend;
    for (PendingWrite &entry : m_queue) {
        if (!entry.sending) {
            entry.sending = true;
            toSend.append(entry);
        }
    }
    if (toSend.isEmpty())
        return;
    qCInfo(lcGates) << "writing" << toSend.size() << "queued settlements and releases to Redis";

    for (const PendingWrite &entry : std::as_const(toSend)) {
        sendWrite(entry, [this, entry](const SettleOutcome *outcome) {
            const auto it =
                std::find_if(m_queue.begin(), m_queue.end(), [&](const PendingWrite &queued) {
                    return queued.id == entry.id && queued.kind == entry.kind;
                });
            if (it == m_queue.end())
                return;
            if (!outcome) {
                it->sending = false;
                return;
            }
            m_queue.erase(it);
            if (entry.kind == PendingWrite::Kind::Settle)
                mirrorSpent(outcome->budgets);
            if (m_queue.isEmpty())
                qCInfo(lcGates) << "every queued settlement is written to Redis";
        });
    }
}

int RedisGateStore::pendingSettlementCount() const {
    return int(std::count_if(m_queue.cbegin(), m_queue.cend(), [](const PendingWrite &entry) {
        return entry.kind == PendingWrite::Kind::Settle;
    }));
}

void RedisGateStore::chargeLocally(const PendingWrite &entry) {
    for (const BudgetLine &line : entry.budgets)
        m_local.addSpent(line.gateId, entry.periods.of(line.period), entry.actual);
}

// Keeps the local store at the shared totals, so that a fail-open outage starts from them.
void RedisGateStore::mirrorSpent(const QList<BudgetUsage> &budgets) {
    for (const BudgetUsage &usage : budgets)
        m_local.replaceSpent({usage.gateId, usage.periodKey, usage.spent});
}

void RedisGateStore::admitRate(const RateCall &call,
                               std::function<void(const RateOutcome &)> done) {
    if (call.limits.isEmpty()) {
        done({});
        return;
    }
    if (usesRedis()) {
        admitRateInRedis(call, std::move(done));
        return;
    }
    if (m_settings.failOpen) {
        m_local.admitRate(call, std::move(done));
        return;
    }
    RateOutcome failed;
    failed.kind = RateOutcome::Kind::StoreFailed;
    failed.error = unavailableMessage();
    done(failed);
}

void RedisGateStore::admitRateInRedis(const RateCall &call,
                                      std::function<void(const RateOutcome &)> done) {
    QList<QByteArray> keys;
    QList<QByteArray> arguments{number(call.nowMSecs), number(call.tokens)};
    for (const RateLine &line : call.limits) {
        keys << keyBytes(QStringLiteral("rate:") + line.scope);
        arguments << number(line.rpm) << number(line.tpm);
    }

    runScript(
        redisscripts::admitRate(), keys, arguments, [this, call, done](const RedisReply &reply) {
            if (isArray(reply, 1) && reply.elements[0].integer == 1) {
                done({});
                return;
            }
            const qsizetype index = isArray(reply, 5) ? reply.elements[1].integer - 1 : -1;
            if (index >= 0 && index < call.limits.size()) {
                const RateLine &line = call.limits.at(index);
                const bool requests = reply.elements[2].integer == 1;
                RateOutcome outcome;
                outcome.kind = RateOutcome::Kind::OverLimit;
                outcome.gateId =
                    QStringLiteral("rate:%1:%2")
                        .arg(line.scope, requests ? QStringLiteral("rpm") : QStringLiteral("tpm"));
                outcome.limit = requests ? line.rpm : line.tpm;
                outcome.used = reply.elements[3].integer;
                outcome.requested = requests ? 1 : call.tokens;
                outcome.retryAfterSeconds = int(reply.elements[4].integer);
                done(outcome);
                return;
            }
            if (m_settings.failOpen) {
                m_local.admitRate(call, done);
                return;
            }
            RateOutcome failed;
            failed.kind = RateOutcome::Kind::StoreFailed;
            failed.error = reply.failed() ? unavailableMessage()
                                          : QStringLiteral("Redis failed to count the request: %1")
                                                .arg(replyProblem(reply));
            done(failed);
        });
}

// Rate windows heal within a minute, so a correction that cannot be written is dropped.
void RedisGateStore::correctRateTokens(const RateCorrection &correction) {
    if (!usesRedis()) {
        m_local.correctRateTokens(correction);
        return;
    }
    QList<QByteArray> keys;
    for (const QString &scope : correction.scopes)
        keys << keyBytes(QStringLiteral("rate:") + scope);
    runScript(redisscripts::correctRate(), keys,
              {number(correction.countedAtMSecs), number(correction.nowMSecs),
               number(correction.tokenDelta)},
              [](const RedisReply &) {});
}

void RedisGateStore::snapshot(const SnapshotCall &call,
                              std::function<void(const StoreSnapshot &)> done) {
    if (usesRedis())
        snapshotInRedis(call, std::move(done));
    else
        m_local.snapshot(call, std::move(done));
}

void RedisGateStore::snapshotInRedis(const SnapshotCall &call,
                                     std::function<void(const StoreSnapshot &)> done) {
    QList<QByteArray> keys;
    for (const BudgetLine &line : call.budgets) {
        keys << keyBytes(
                    QStringLiteral("budget:%1:%2").arg(line.gateId, call.periods.of(line.period)))
             << keyBytes(QStringLiteral("reserved:") + line.gateId)
             << keyBytes(QStringLiteral("reserved-amount:") + line.gateId);
    }
    for (const QString &scope : call.rateScopes)
        keys << keyBytes(QStringLiteral("rate:") + scope);
    keys << keyBytes(QStringLiteral("instances"));
    const QList<QByteArray> arguments{number(call.budgets.size()), number(call.nowMSecs)};

    runScript(
        redisscripts::snapshot(), keys, arguments, [this, call, done](const RedisReply &reply) {
            const qsizetype expected = 2 * call.budgets.size() + 3 * call.rateScopes.size() + 1;
            if (!isArray(reply, expected)) {
                m_local.snapshot(call, done);
                return;
            }
            StoreSnapshot snapshot;
            qsizetype at = 0;
            for (const BudgetLine &line : call.budgets) {
                snapshot.budgets.append({line.gateId, call.periods.of(line.period), line.limit,
                                         reply.elements[at].integer,
                                         reply.elements[at + 1].integer});
                at += 2;
            }
            for (const QString &scope : call.rateScopes) {
                snapshot.rates.append({scope, reply.elements[at].integer,
                                       reply.elements[at + 1].integer,
                                       reply.elements[at + 2].integer});
                at += 3;
            }
            m_instances = int(reply.elements[at].integer);
            mirrorSpent(snapshot.budgets);
            done(snapshot);
        });
}

void RedisGateStore::setSpent(const QList<SpendEntry> &entries) {
    m_local.setSpent(entries);
    if (!usesRedis() || entries.isEmpty())
        return;
    QList<QByteArray> keys;
    QList<QByteArray> arguments{m_settings.instanceId.toUtf8()};
    for (const SpendEntry &entry : entries) {
        keys << keyBytes(QStringLiteral("budget:%1:%2").arg(entry.gateId, entry.periodKey));
        arguments << number(std::max<NanoUsd>(0, entry.spent))
                  << number(keyTtlFor(entry.periodKey));
    }
    runScript(redisscripts::setSpent(), keys, arguments, [entries](const RedisReply &reply) {
        if (reply.type == RedisReply::Type::Integer)
            qCInfo(lcGates) << "raised this instance's share of" << entries.size()
                            << "budgets in Redis to its ledger totals";
    });
}

GateStoreStatus RedisGateStore::status() const {
    GateStoreStatus status;
    status.kind = QStringLiteral("redis");
    status.healthy = m_health == Health::Up;
    status.policy = m_settings.failOpen ? QStringLiteral("open") : QStringLiteral("closed");
    status.endpoint = QStringLiteral("%1:%2/%3")
                          .arg(m_settings.endpoint.host)
                          .arg(m_settings.endpoint.port)
                          .arg(m_settings.endpoint.database);
    if (m_health == Health::Starting)
        status.error = QStringLiteral("connecting to Redis");
    else if (m_health == Health::Down)
        status.error = m_lastError;
    status.instancesReporting = status.healthy ? m_instances : -1;
    status.pendingSettlements = pendingSettlementCount();
    return status;
}

void RedisGateStore::onConnectionReady() {
    const bool wasDown = m_health == Health::Down;
    m_health = Health::Up;
    m_lastError.clear();
    if (wasDown) {
        const QString message =
            QStringLiteral("the shared gate store (Redis at %1) is reachable again after %2 "
                           "failed attempts; writing %3 queued settlements")
                .arg(status().endpoint)
                .arg(m_failedAttempts)
                .arg(pendingSettlementCount());
        qCWarning(lcGates).noquote() << message;
        emit healthChanged(true, message);
    } else {
        qCInfo(lcGates).noquote() << "connected to the shared gate store, Redis at"
                                  << status().endpoint << "with key prefix" << m_settings.prefix
                                  << "as instance" << m_settings.instanceId;
    }
    loadScripts();
    replayQueue();
    sendHeartbeat();
    if (wasDown)
        emit reconnected();
}

// Redis runs one connection's commands in order, but a script missing from its cache is sent
// again with EVAL after its NOSCRIPT reply, behind every command sent meanwhile. A server that
// restarted has an empty cache, or only the scripts another instance happened to use, so without
// this a replayed settlement could land after the ledger rebuild that assumes it was counted.
void RedisGateStore::loadScripts() {
    for (const RedisScript *script : redisscripts::all()) {
        m_connection->command(
            {QByteArrayLiteral("SCRIPT"), QByteArrayLiteral("LOAD"), script->source},
            [this, script](const RedisReply &reply) {
                if (reply.failed())
                    markDown(QString::fromUtf8(reply.text));
                else if (reply.isError())
                    qCWarning(lcGates)
                        << "Redis did not load the script" << script->name << reply.text;
            });
    }
}

// Logs once per outage, however many commands and reconnect attempts fail during it.
void RedisGateStore::markDown(const QString &reason) {
    m_lastError = reason;
    m_instances = -1;
    if (m_health == Health::Down) {
        ++m_failedAttempts;
        return;
    }
    m_health = Health::Down;
    m_failedAttempts = 1;
    const QString policy =
        m_settings.failOpen
            ? QStringLiteral("gates.store.on_failure is \"open\": requests are checked against "
                             "this instance's own counters only, so the instances together can "
                             "spend past the shared budgets until Redis returns")
            : QStringLiteral("gates.store.on_failure is \"closed\": chat requests are rejected "
                             "with 503 until Redis returns");
    const QString message = QStringLiteral("the shared gate store (Redis at %1) is unreachable: "
                                           "%2. %3.")
                                .arg(status().endpoint, reason, policy);
    qCCritical(lcGates).noquote() << message;
    emit healthChanged(false, message);
}

QString RedisGateStore::unavailableMessage() const {
    return QStringLiteral("Redis at %1 is unreachable (%2), and gates.store.on_failure is "
                          "\"closed\"; retry when it is back")
        .arg(status().endpoint, m_lastError.isEmpty() ? QStringLiteral("no reply") : m_lastError);
}

void RedisGateStore::sendHeartbeat() {
    const int ttlMs = 3 * m_heartbeatTimer.interval();
    runScript(redisscripts::heartbeat(),
              {keyBytes(QStringLiteral("instance:") + m_settings.instanceId),
               keyBytes(QStringLiteral("instances"))},
              {m_settings.instanceId.toUtf8(), number(ttlMs), instanceDescription()},
              [this](const RedisReply &reply) {
                  if (reply.type == RedisReply::Type::Integer)
                      m_instances = int(reply.integer);
              });
}

// Keeps the reservations of requests still in flight alive, so that only the reservations of an
// instance that stopped expire.
void RedisGateStore::extendReservations() {
    QList<QByteArray> keys;
    QList<QByteArray> arguments{number(qint64(m_settings.reservationTtlSeconds) * 1000)};
    int batched = 0;
    const auto flush = [&] {
        if (batched > 0)
            runScript(redisscripts::extend(), keys, arguments, [](const RedisReply &) {});
        keys.clear();
        arguments = {arguments.constFirst()};
        batched = 0;
    };
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        if (it->local || it->budgets.isEmpty())
            continue;
        const QString id = storedId(it.key());
        keys << keyBytes(QStringLiteral("reservation:") + id);
        for (const BudgetLine &line : it->budgets) {
            keys << keyBytes(QStringLiteral("reserved:") + line.gateId)
                 << keyBytes(QStringLiteral("reserved-amount:") + line.gateId);
        }
        arguments << id.toUtf8() << number(it->budgets.size());
        if (++batched == MaxExtendBatch)
            flush();
    }
    flush();
}

} // namespace signalbox
