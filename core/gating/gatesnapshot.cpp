// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatesnapshot.h"

#include "chat/usage.h"

#include <QJsonArray>

#include <functional>

namespace signalbox {

namespace {

bool isRate(const GateStatus &gate) {
    return gate.kind.startsWith(QLatin1String("rate_"));
}

// Escapes a label value as the Prometheus text format requires: backslash, quote and newline.
QByteArray labelValue(const QString &text) {
    QByteArray escaped;
    for (const char c : text.toUtf8()) {
        if (c == '\\' || c == '"')
            escaped += '\\';
        if (c == '\n') {
            escaped += "\\n";
            continue;
        }
        escaped += c;
    }
    return escaped;
}

QByteArray number(double value) {
    return QByteArray::number(value, 'g', 15);
}

void appendFamily(QByteArray &out, const char *name, const char *help,
                  const QList<GateStatus> &gates,
                  const std::function<bool(const GateStatus &)> &has,
                  const std::function<double(const GateStatus &)> &value) {
    out += QByteArray("# HELP ") + name + ' ' + help + '\n';
    out += QByteArray("# TYPE ") + name + " gauge\n";
    for (const GateStatus &gate : gates) {
        if (!has(gate))
            continue;
        out += QByteArray(name) + "{gate=\"" + labelValue(gate.id) + "\"} " + number(value(gate)) +
               '\n';
    }
}

QJsonValue textOrNull(const QString &text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject storeToJson(const GateStoreStatus &store) {
    return {{QStringLiteral("kind"), store.kind},
            {QStringLiteral("healthy"), store.healthy},
            {QStringLiteral("policy"), textOrNull(store.policy)},
            {QStringLiteral("endpoint"), textOrNull(store.endpoint)},
            {QStringLiteral("error"), textOrNull(store.error)},
            {QStringLiteral("instances_reporting"), store.instancesReporting},
            {QStringLiteral("pending_settlements"), store.pendingSettlements}};
}

void appendStoreMetrics(QByteArray &out, const GateStoreStatus &store) {
    const QByteArray labels =
        "{kind=\"" + labelValue(store.kind) + "\",policy=\"" + labelValue(store.policy) + "\"}";
    out += "# HELP signalbox_gate_store_healthy 1 while the gate store answers, else 0.\n"
           "# TYPE signalbox_gate_store_healthy gauge\n";
    out += "signalbox_gate_store_healthy" + labels + ' ' + (store.healthy ? "1" : "0") + '\n';
    out += "# HELP signalbox_gate_store_instances Instances whose heartbeat the gate store holds; "
           "-1 when not known.\n"
           "# TYPE signalbox_gate_store_instances gauge\n";
    out += "signalbox_gate_store_instances" + labels + ' ' +
           QByteArray::number(store.instancesReporting) + '\n';
    out += "# HELP signalbox_gate_store_pending_settlements Settlements waiting to be written to "
           "the gate store.\n"
           "# TYPE signalbox_gate_store_pending_settlements gauge\n";
    out += "signalbox_gate_store_pending_settlements" + labels + ' ' +
           QByteArray::number(store.pendingSettlements) + '\n';
}

} // namespace

GateState gateStateFor(double used, double limit, double warnFraction) {
    if (limit <= 0)
        return GateState::Ok;
    if (used >= limit)
        return GateState::Tripped;
    if (warnFraction > 0 && used >= warnFraction * limit)
        return GateState::Warning;
    return GateState::Ok;
}

QString gateStateName(GateState state) {
    switch (state) {
    case GateState::Ok:
        return QStringLiteral("ok");
    case GateState::Warning:
        return QStringLiteral("warning");
    case GateState::Tripped:
        return QStringLiteral("tripped");
    }
    return QStringLiteral("ok");
}

QJsonObject gatesToJson(const GateSnapshot &snapshot) {
    // Rate gates count whole requests and tokens, which the rounding leaves as they are.
    QJsonArray gates;
    for (const GateStatus &gate : snapshot.gates) {
        QJsonObject item{{QStringLiteral("id"), gate.id},
                         {QStringLiteral("kind"), gate.kind},
                         {QStringLiteral("limit"), gate.limit},
                         {QStringLiteral("spent"), roundedUsd(gate.spent)},
                         {QStringLiteral("reserved"), roundedUsd(gate.reserved)},
                         {QStringLiteral("state"), gateStateName(gate.state)}};
        item.insert(QStringLiteral("resets_at"),
                    gate.resetsAt.isValid() ? QJsonValue(gate.resetsAt.toString(Qt::ISODate))
                                            : QJsonValue(QJsonValue::Null));
        gates.append(item);
    }
    return {{QStringLiteral("taken_at"), snapshot.takenAt.toString(Qt::ISODate)},
            {QStringLiteral("gates"), gates},
            {QStringLiteral("store"), storeToJson(snapshot.store)}};
}

QByteArray gatesMetricsText(const GateSnapshot &snapshot) {
    const auto budget = [](const GateStatus &gate) {
        return !isRate(gate);
    };
    const auto rate = [](const GateStatus &gate) {
        return isRate(gate);
    };
    const auto any = [](const GateStatus &) {
        return true;
    };

    QByteArray out;
    appendFamily(out, "signalbox_gate_limit",
                 "Limit of each gate: USD per period for budgets, requests or tokens per minute "
                 "for rate limits.",
                 snapshot.gates, any, [](const GateStatus &gate) { return gate.limit; });
    appendFamily(out, "signalbox_gate_spent_usd",
                 "Settled spend of each budget this period in USD.", snapshot.gates, budget,
                 [](const GateStatus &gate) { return gate.spent; });
    appendFamily(out, "signalbox_gate_reserved_usd",
                 "Worst-case cost held by requests in flight against each budget in USD.",
                 snapshot.gates, budget, [](const GateStatus &gate) { return gate.reserved; });
    appendFamily(out, "signalbox_gate_window_count",
                 "Requests or tokens counted in each rate limit's last 60 seconds.", snapshot.gates,
                 rate, [](const GateStatus &gate) { return gate.spent; });
    appendFamily(out, "signalbox_gate_tripped", "1 when the gate is at or above its limit, else 0.",
                 snapshot.gates, any, [](const GateStatus &gate) {
                     return gate.state == GateState::Tripped ? 1.0 : 0.0;
                 });
    appendStoreMetrics(out, snapshot.store);
    return out;
}

} // namespace signalbox
