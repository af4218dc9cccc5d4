// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "demohistory.h"

#include "chat/usage.h"
#include "routing/routepreview.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>

namespace signalbox {

namespace {

constexpr int HistoryHours = 6;
constexpr int BlockMinutes = 20;     // activity changes between busy and quiet blocks
constexpr double BudgetShare = 0.58; // of the daily budget spent by the history
constexpr double MaxTokenScale = 4;  // a short history just after midnight spends less
constexpr int FailurePerMille = 25;  // requests whose every attempt failed
constexpr int FallbackPerMille = 40; // requests served by their second candidate

const char *const kRoutes[] = {"stage:architecture", "stage:code",   "stage:code",      "stage:ui",
                               "stage:ui",           "stage:triage", "stage:summarize", "auto"};

QJsonObject chatBody(const QString &model, qint64 promptChars) {
    const QJsonObject message{{QLatin1String("role"), QLatin1String("user")},
                              {QLatin1String("content"), QString(promptChars, QLatin1Char('x'))}};
    return {{QLatin1String("model"), model},
            {QLatin1String("messages"), QJsonArray{message}},
            {QLatin1String("max_tokens"), 1200}};
}

// Fills in one routed request: tokens, timings and the outcome of its attempts.
void simulateCall(LedgerRecord &record, const RoutePreview &route, QRandomGenerator &random) {
    // Providers count a little differently from the estimate made before the call.
    record.usage.inputTokens = route.estimatedInputTokens * (90 + random.bounded(21)) / 100;
    record.usage.cachedTokens = random.bounded(3) == 0 ? record.usage.inputTokens / 2 : 0;
    record.usage.outputTokens = 80 + random.bounded(900);
    record.streamed = random.bounded(2) == 0;
    record.latencyMs = 350 + record.usage.outputTokens * (6 + random.bounded(10));
    record.ttftMs = record.streamed ? 180 + random.bounded(700) : -1;
    record.model = route.model;
    record.provider = route.provider;
    record.attempts = 1;
    record.status = QStringLiteral("ok");
    record.httpStatus = 200;

    const int roll = int(random.bounded(1000));
    const bool hasFallback = route.candidates.size() > 1;
    if (roll < FailurePerMille) {
        record.status = QStringLiteral("error");
        record.httpStatus = 502;
        record.error = QStringLiteral("upstream returned 529: overloaded");
        record.trace
            << QStringLiteral("attempt 1 on '%1' failed: %2").arg(route.model, record.error);
        record.usage = Usage{};
        record.ttftMs = -1;
    } else if (hasFallback && roll < FailurePerMille + FallbackPerMille) {
        record.trace << QStringLiteral("attempt 1 on '%1' failed: upstream returned 503: "
                                       "service unavailable")
                            .arg(route.model);
        record.model = route.candidates.at(1);
        record.attempts = 2;
        record.latencyMs += 900;
    }
}

LedgerRecord historyRecord(const Config &config, const QDateTime &time, QRandomGenerator &random) {
    const QString routeName = QLatin1String(kRoutes[random.bounded(int(std::size(kRoutes)))]);
    const RoutePreview route =
        previewRoute(config, chatBody(routeName, 800 + random.bounded(16000)));

    LedgerRecord record;
    record.time = time;
    record.requestId =
        QStringLiteral("sb-demo%1").arg(random.generate64(), 16, 16, QLatin1Char('0'));
    record.endpoint = QStringLiteral("/v1/chat/completions");
    record.kind = QStringLiteral("request");
    record.stage = route.stage;
    record.route = route.level;
    record.estimatedInputTokens = route.estimatedInputTokens;
    record.trace << QStringLiteral("demo history: a synthetic request, never sent upstream");
    record.trace << route.trace;
    simulateCall(record, route, random);
    return record;
}

void applyPrices(const Config &config, QList<LedgerRecord> &records, double tokenScale) {
    for (LedgerRecord &record : records) {
        Usage &usage = record.usage;
        usage.inputTokens = qint64(usage.inputTokens * tokenScale);
        usage.cachedTokens = qint64(usage.cachedTokens * tokenScale);
        usage.outputTokens = qint64(usage.outputTokens * tokenScale);
        record.estimatedInputTokens = qint64(record.estimatedInputTokens * tokenScale);
        const ModelConfig *model = config.findModel(record.model);
        record.costUsd = model ? costUsd(usage, model->price) : 0;
    }
}

} // namespace

QList<LedgerRecord> demoHistory(const Config &config, const QDateTime &dayStart,
                                const QDateTime &now, quint32 seed) {
    QRandomGenerator random(seed);
    const QDateTime start = std::max(dayStart, now.addSecs(-3600 * HistoryHours));
    const qint64 minutes = start.secsTo(now) / 60;

    QList<LedgerRecord> records;
    int perMinute = 0;
    for (qint64 minute = 0; minute < minutes; ++minute) {
        if (minute % BlockMinutes == 0)
            perMinute = random.bounded(100) < 65 ? 3 + random.bounded(9) : random.bounded(2);
        const int count = std::max(0, perMinute - 2 + int(random.bounded(5)));
        const QDateTime minuteStart = start.addSecs(60 * minute);
        QList<qint64> offsets;
        for (int i = 0; i < count; ++i)
            offsets << random.bounded(60000);
        std::sort(offsets.begin(), offsets.end());
        for (qint64 offset : offsets)
            records << historyRecord(config, minuteStart.addMSecs(offset), random);
    }

    applyPrices(config, records, 1.0);
    double total = 0;
    for (const LedgerRecord &record : records)
        total += record.costUsd;
    if (config.gates.dailyBudgetUsd > 0 && total > 0)
        applyPrices(config, records,
                    std::min(MaxTokenScale, BudgetShare * config.gates.dailyBudgetUsd / total));
    return records;
}

} // namespace signalbox
