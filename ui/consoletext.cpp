// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "consoletext.h"

#include <QLocale>

namespace signalbox {

bool isBudgetGate(const GateStatus &gate) {
    return gate.kind.endsWith(QLatin1String("_budget"));
}

QString ConsoleText::usd(double amount) {
    if (amount == 0)
        return usdShort(0);
    return QLatin1Char('$') + QLocale().toString(amount, 'f', qAbs(amount) < 0.01 ? 5 : 4);
}

QString ConsoleText::usdShort(double amount) {
    const bool belowOneCent = amount != 0 && qAbs(amount) < 0.005;
    return QLatin1Char('$') + decimals(amount, 2, belowOneCent ? 6 : 2);
}

QString ConsoleText::decimals(double amount, int minDecimals, int maxDecimals) {
    const QLocale locale;
    QString text = locale.toString(amount, 'f', maxDecimals);
    const qsizetype point = text.lastIndexOf(locale.decimalPoint());
    if (point < 0)
        return text;
    qsizetype end = text.size();
    while (end > point + 1 + minDecimals && text[end - 1] == u'0')
        --end;
    text.truncate(end);
    return text;
}

QString ConsoleText::percent(double fraction) {
    return tr("%1%").arg(QLocale().toString(fraction * 100, 'f', 0));
}

// Gate ids are "daily_budget", "monthly_budget", "stage_budget:NAME", "model_budget:ID" and
// "rate:SCOPE:rpm" or "rate:SCOPE:tpm", where SCOPE may itself contain a colon (model:gpt-4o).
QString ConsoleText::gateTitle(const GateStatus &gate) {
    const QString id = gate.id;
    const QString afterFirst = id.section(QLatin1Char(':'), 1);
    if (gate.kind == QLatin1String("daily_budget"))
        return tr("Daily budget");
    if (gate.kind == QLatin1String("monthly_budget"))
        return tr("Monthly budget");
    if (gate.kind == QLatin1String("stage_budget"))
        return tr("Stage budget: %1").arg(afterFirst);
    if (gate.kind == QLatin1String("model_budget"))
        return tr("Model budget: %1").arg(afterFirst);

    const QString scope = id.section(QLatin1Char(':'), 1, -2);
    if (gate.kind == QLatin1String("rate_rpm"))
        return tr("Requests per minute: %1").arg(scope);
    if (gate.kind == QLatin1String("rate_tpm"))
        return tr("Tokens per minute: %1").arg(scope);
    return id;
}

QString ConsoleText::gateAmount(const GateStatus &gate, double amount) {
    if (isBudgetGate(gate))
        return usdShort(amount);
    return QLocale().toString(qRound64(amount));
}

QString ConsoleText::gateStateName(GateState state) {
    switch (state) {
    case GateState::Ok:
        return tr("OK");
    case GateState::Warning:
        return tr("Warning");
    case GateState::Tripped:
        return tr("Tripped");
    }
    return {};
}

QString ConsoleText::gateDetails(const GateStatus &gate) {
    QStringList lines;
    lines << tr("%1: %2").arg(gateTitle(gate), gateStateName(gate.state));
    lines << tr("Limit: %1").arg(gateAmount(gate, gate.limit));
    lines << (isBudgetGate(gate) ? tr("Spent: %1") : tr("In the last minute: %1"))
                 .arg(gateAmount(gate, gate.spent));
    if (isBudgetGate(gate))
        lines << tr("Reserved by requests in flight: %1").arg(gateAmount(gate, gate.reserved));
    if (gate.resetsAt.isValid()) {
        const QString when = QLocale().toString(gate.resetsAt.toLocalTime(), QLocale::ShortFormat);
        lines << (isBudgetGate(gate) ? tr("Resets at %1") : tr("Oldest entry leaves at %1"))
                     .arg(when);
    }
    return lines.join(QLatin1Char('\n'));
}

QString ConsoleText::stageName(const QString &stage) {
    return stage.isEmpty() ? tr("(no stage)") : stage;
}

} // namespace signalbox
