// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "adminapi.h"

#include "api/apierror.h"
#include "gating/gates.h"
#include "http/httpexchange.h"
#include "ledger/ledger.h"
#include "ledger/ledgerreader.h"
#include "routing/routepreview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>

namespace signalbox {

namespace {

QByteArray toJson(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject modelEntry(const QString &id, const QString &owner) {
    return {{QLatin1String("id"), id},
            {QLatin1String("object"), QLatin1String("model")},
            {QLatin1String("created"), 0},
            {QLatin1String("owned_by"), owner}};
}

QJsonArray bucketsToJson(const QList<UsageBucket> &buckets, const QString &keyName) {
    QJsonArray array;
    for (const UsageBucket &bucket : buckets) {
        array.append(QJsonObject{{keyName, bucket.key},
                                 {QLatin1String("cost_usd"), bucket.costUsd},
                                 {QLatin1String("requests"), bucket.requests},
                                 {QLatin1String("input_tokens"), bucket.inputTokens},
                                 {QLatin1String("output_tokens"), bucket.outputTokens}});
    }
    return array;
}

} // namespace

void handleHealth(HttpExchange *exchange) {
    replyWithJson(exchange, 200, QByteArrayLiteral(R"({"status":"ok"})"));
}

void handleModels(const ApiEnvironment &environment, HttpExchange *exchange) {
    const Config &config = *environment.config;
    QJsonArray data;
    for (const ModelConfig &model : config.models)
        data.append(modelEntry(model.id, model.provider));
    data.append(modelEntry(QStringLiteral("auto"), QStringLiteral("signalbox")));
    for (const StageConfig &stage : config.stages)
        data.append(modelEntry(QLatin1String("stage:") + stage.name, QStringLiteral("signalbox")));

    replyWithJson(
        exchange, 200,
        toJson({{QLatin1String("object"), QLatin1String("list")}, {QLatin1String("data"), data}}));
}

void handleRoute(const ApiEnvironment &environment, HttpExchange *exchange) {
    const HttpRequest &request = exchange->request();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!document.isObject()) {
        replyWithError(exchange,
                       ApiError::badRequest(QStringLiteral("invalid JSON body: %1; send a Chat "
                                                           "Completions request object")
                                                .arg(parseError.errorString())));
        return;
    }

    const RoutePreview preview =
        previewRoute(*environment.config, document.object(),
                     QString::fromUtf8(request.header("x-signalbox-model")),
                     QString::fromUtf8(request.header("x-signalbox-stage")));
    if (!preview.routed) {
        replyWithError(exchange, {preview.httpStatus, preview.errorType, preview.errorCode,
                                  preview.errorMessage, QStringLiteral("model")});
        return;
    }
    replyWithJson(exchange, 200, toJson(routePreviewToJson(preview)));
}

QJsonObject ledgerRecordToJson(const LedgerRecord &record) {
    return {{QLatin1String("request_id"), record.requestId},
            {QLatin1String("time"), record.time.toString(Qt::ISODateWithMs)},
            {QLatin1String("endpoint"), record.endpoint},
            {QLatin1String("stage"), record.stage},
            {QLatin1String("route"), record.route},
            {QLatin1String("model"), record.model},
            {QLatin1String("provider"), record.provider},
            {QLatin1String("status"), record.status},
            {QLatin1String("http_status"), record.httpStatus},
            {QLatin1String("attempts"), record.attempts},
            {QLatin1String("input_tokens"), record.usage.inputTokens},
            {QLatin1String("cached_tokens"), record.usage.cachedTokens},
            {QLatin1String("cache_write_tokens"), record.usage.cacheWriteTokens},
            {QLatin1String("output_tokens"), record.usage.outputTokens},
            {QLatin1String("reasoning_tokens"), record.usage.reasoningTokens},
            {QLatin1String("usage_estimated"), record.usage.estimated},
            {QLatin1String("cost_usd"), record.costUsd},
            {QLatin1String("latency_ms"), record.latencyMs},
            {QLatin1String("ttft_ms"), record.ttftMs},
            {QLatin1String("streamed"), record.streamed},
            {QLatin1String("error"), record.error},
            {QLatin1String("trace"), QJsonArray::fromStringList(record.trace)}};
}

void handleUsage(const ApiEnvironment &environment, HttpExchange *exchange) {
    if (!environment.reader) {
        replyWithError(exchange, {503, QStringLiteral("server_error"), QString(),
                                  QStringLiteral("the ledger is not open"), QString()});
        return;
    }
    const QUrlQuery query(QString::fromUtf8(exchange->request().query));
    const int limit = qBound(0, query.queryItemValue(QStringLiteral("limit")).toInt(), 1000);

    // Rows are written in batches; a request that just finished must be in the figures.
    if (environment.ledger)
        environment.ledger->flush();
    const QDateTime since = environment.startOfToday();
    const UsageSummary summary = environment.reader->summarize(since);
    QJsonArray recent;
    const QList<LedgerRecord> records = environment.reader->recent(limit > 0 ? limit : 50);
    for (const LedgerRecord &record : records)
        recent.append(ledgerRecordToJson(record));

    const QJsonObject body{
        {QLatin1String("since"), since.toString(Qt::ISODate)},
        {QLatin1String("cost_usd"), summary.costUsd},
        {QLatin1String("requests"), summary.requests},
        {QLatin1String("input_tokens"), summary.inputTokens},
        {QLatin1String("cached_tokens"), summary.cachedTokens},
        {QLatin1String("output_tokens"), summary.outputTokens},
        {QLatin1String("reasoning_tokens"), summary.reasoningTokens},
        {QLatin1String("by_model"), bucketsToJson(summary.byModel, QStringLiteral("model"))},
        {QLatin1String("by_stage"), bucketsToJson(summary.byStage, QStringLiteral("stage"))},
        {QLatin1String("recent"), recent}};
    replyWithJson(exchange, 200, toJson(body));
}

void handleGates(const ApiEnvironment &environment, HttpExchange *exchange) {
    if (!environment.gates) {
        replyWithError(exchange, {503, QStringLiteral("server_error"), QString(),
                                  QStringLiteral("the gates are not running"), QString()});
        return;
    }
    // A shared gate store answers later, and the client may have gone by then.
    QPointer<HttpExchange> guard(exchange);
    environment.gates->snapshot([guard](const GateSnapshot &snapshot) {
        if (guard && !guard->isFinished())
            replyWithJson(guard, 200, QJsonDocument(gatesToJson(snapshot)).toJson());
    });
}

void handleMetrics(const ApiEnvironment &environment, HttpExchange *exchange) {
    QByteArray text;
    if (environment.reader) {
        const UsageSummary today = environment.reader->summarize(environment.startOfToday());
        text += "# HELP signalbox_spend_today_usd Cost of today's requests in USD, from the "
                "ledger.\n# TYPE signalbox_spend_today_usd gauge\n";
        text += "signalbox_spend_today_usd " + QByteArray::number(today.costUsd, 'g', 12) + '\n';
        text += "# HELP signalbox_requests_today Requests recorded today.\n"
                "# TYPE signalbox_requests_today gauge\n";
        text += "signalbox_requests_today " + QByteArray::number(today.requests) + '\n';
    }
    const HttpHeaders headers{
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; version=0.0.4")}};
    if (!environment.gates) {
        exchange->respond(200, headers, text);
        return;
    }
    QPointer<HttpExchange> guard(exchange);
    environment.gates->snapshot([guard, headers, text](const GateSnapshot &snapshot) {
        if (guard && !guard->isFinished())
            guard->respond(200, headers, text + gatesMetricsText(snapshot));
    });
}

} // namespace signalbox
