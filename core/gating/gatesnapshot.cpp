// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatesnapshot.h"

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
    QJsonArray gates;
    for (const GateStatus &gate : snapshot.gates) {
        QJsonObject item{{QStringLiteral("id"), gate.id},
                         {QStringLiteral("kind"), gate.kind},
                         {QStringLiteral("limit"), gate.limit},
                         {QStringLiteral("spent"), gate.spent},
                         {QStringLiteral("reserved"), gate.reserved},
                         {QStringLiteral("state"), gateStateName(gate.state)}};
        item.insert(QStringLiteral("resets_at"),
                    gate.resetsAt.isValid() ? QJsonValue(gate.resetsAt.toString(Qt::ISODate))
                                            : QJsonValue(QJsonValue::Null));
        gates.append(item);
    }
    return {{QStringLiteral("taken_at"), snapshot.takenAt.toString(Qt::ISODate)},
            {QStringLiteral("gates"), gates}};
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
    return out;
}

} // namespace signalbox
