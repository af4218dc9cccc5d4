// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "adminapi.h"

#include "api/apierror.h"
#include "api/requestbody.h"
#include "clienttext.h"
#include "gating/gates.h"
#include "http/httpexchange.h"
#include "ledger/ledger.h"
#include "ledger/ledgerreader.h"
#include "routing/autorouter.h"
#include "routing/classifier.h"
#include "routing/router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>

#include <cmath>

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
                                 {QLatin1String("cost_usd"), roundedUsd(bucket.costUsd)},
                                 {QLatin1String("requests"), bucket.requests},
                                 {QLatin1String("input_tokens"), bucket.inputTokens},
                                 {QLatin1String("output_tokens"), bucket.outputTokens}});
    }
    return array;
}

// Returns a score, weight or confidence rounded to a millionth, so that the JSON shows 0.8 and not
// 0.7999999999999999. The trace's text already gives two decimals.
double roundedFigure(double value) {
    return std::round(value * 1e6) / 1e6;
}

QJsonObject profileToJson(const TaskProfile &profile) {
    QJsonObject scores;
    for (int i = 0; i < kTaskCategoryCount; ++i) {
        if (profile.categoryScores[i] > 0)
            scores.insert(taskCategoryName(TaskCategory(i)),
                          roundedFigure(profile.categoryScores[i]));
    }
    return {{QLatin1String("category"), taskCategoryName(profile.category)},
            {QLatin1String("difficulty"), difficultyName(profile.difficulty)},
            {QLatin1String("confidence"), roundedFigure(profile.confidence)},
            {QLatin1String("source"), profile.source},
            {QLatin1String("difficulty_points"), roundedFigure(profile.difficultyPoints)},
            {QLatin1String("category_scores"), scores},
            {QLatin1String("required_capabilities"),
             QJsonArray::fromStringList(profile.requiredCapabilities)},
            {QLatin1String("context_tokens"), profile.contextTokens},
            {QLatin1String("expected_output_tokens"), profile.expectedOutputTokens},
            {QLatin1String("rule_hits"), QJsonArray::fromStringList(profile.ruleHits)}};
}

QJsonArray scoresToJson(const QList<CandidateScore> &scores) {
    QJsonArray array;
    for (const CandidateScore &entry : scores) {
        array.append(
            QJsonObject{{QLatin1String("model"), entry.model},
                        {QLatin1String("score"), roundedFigure(entry.score)},
                        {QLatin1String("quality"), entry.quality},
                        {QLatin1String("strength_match"), entry.strengthMatch},
                        {QLatin1String("meets_min_quality"), entry.meetsFloor},
                        {QLatin1String("quality_score"), roundedFigure(entry.qualityScore)},
                        {QLatin1String("price_score"), roundedFigure(entry.priceScore)},
                        {QLatin1String("expected_cost_usd"), roundedUsd(entry.expectedCostUsd)}});
    }
    return array;
}

QJsonObject classifierToJson(const AutoChoice &choice,
                             const std::optional<ClassifierOutcome> &outcome) {
    QJsonObject object{{QLatin1String("wanted"), choice.wantsClassifier},
                       {QLatin1String("note"), choice.classifierNote}};
    if (outcome && outcome->verdict) {
        const ClassifierVerdict &verdict = *outcome->verdict;
        object.insert(QLatin1String("model"), verdict.model);
        object.insert(QLatin1String("category"), taskCategoryName(verdict.category));
        object.insert(QLatin1String("difficulty"), difficultyName(verdict.difficulty));
        object.insert(QLatin1String("confidence"), roundedFigure(verdict.confidence));
        object.insert(QLatin1String("cached"), verdict.fromCache);
    }
    return object;
}

QJsonObject decisionToJson(const Config &config, const RouteDecision &decision,
                           const RouteInput &input) {
    const ChatRequestFeatures &features = input.features;
    QJsonObject object{
        {QLatin1String("level"), routeLevelName(decision.level)},
        {QLatin1String("model"), decision.model()},
        {QLatin1String("stage"), decision.stage},
        {QLatin1String("candidates"), QJsonArray::fromStringList(decision.candidates)},
        {QLatin1String("trace"), QJsonArray::fromStringList(decision.trace)},
        {QLatin1String("estimated_input_tokens"), features.estimatedInputTokens}};
    if (const ModelConfig *model = config.findModel(decision.model())) {
        object.insert(QLatin1String("provider"), model->provider);
        object.insert(
            QLatin1String("worst_case_cost_usd"),
            roundedUsd(reservationCostUsd(*model, features, config.gates.reserveOutputTokens)));
    }
    if (decision.autoChoice) {
        const AutoChoice &choice = *decision.autoChoice;
        object.insert(QLatin1String("profile"), profileToJson(choice.profile));
        object.insert(QLatin1String("scores"), scoresToJson(choice.scores));
        object.insert(QLatin1String("excluded"), QJsonArray::fromStringList(choice.excluded));
        object.insert(QLatin1String("classifier"), classifierToJson(choice, input.classifier));
    }
    return object;
}

// Routes a dry run. It never calls the classifier, but uses a verdict already in the cache.
RouteOutcome routeDryRun(const ApiEnvironment &environment, const QJsonObject &body,
                         RouteInput &input) {
    const Config &config = *environment.config;
    RouteOutcome outcome = route(config, input);
    const auto *decision = std::get_if<RouteDecision>(&outcome);
    if (!decision || !decision->wantsClassifier() || !environment.classifierCache)
        return outcome;

    const ModelConfig *model = config.findModel(config.routing.autoRouting.classifierModel);
    if (!model)
        return outcome;
    const QByteArray key = classifierCacheKey(
        model->id, classifierRequest(body, model->hasCapability(QStringLiteral("json"))));
    std::optional<ClassifierVerdict> cached = environment.classifierCache->find(key);
    if (!cached)
        return outcome;
    cached->fromCache = true;
    input.classifier = ClassifierOutcome{cached, QStringLiteral("from the cache")};
    return route(config, input);
}

} // namespace

void handleHealth(HttpExchange *exchange) {
    replyWithJson(exchange, 200, QByteArrayLiteral(R"({"status":"ok"})"));
}

namespace {

// Every name a request may send as its model: the registry's models, "auto" and each stage.
QJsonArray modelEntries(const Config &config) {
    QJsonArray data;
    for (const ModelConfig &model : config.models)
        data.append(modelEntry(model.id, model.provider));
    data.append(modelEntry(QStringLiteral("auto"), QStringLiteral("signalbox")));
    for (const StageConfig &stage : config.stages)
        data.append(modelEntry(QLatin1String("stage:") + stage.name, QStringLiteral("signalbox")));
    return data;
}

} // namespace

void handleModels(const ApiEnvironment &environment, HttpExchange *exchange) {
    replyWithJson(exchange, 200,
                  toJson({{QLatin1String("object"), QLatin1String("list")},
                          {QLatin1String("data"), modelEntries(*environment.config)}}));
}

void handleModel(const ApiEnvironment &environment, HttpExchange *exchange, const QString &id) {
    for (const QJsonValue &entry : modelEntries(*environment.config)) {
        if (entry.toObject().value(QLatin1String("id")).toString() == id) {
            replyWithJson(exchange, 200, toJson(entry.toObject()));
            return;
        }
    }
    replyWithError(exchange,
                   {404, QStringLiteral("invalid_request_error"), QStringLiteral("model_not_found"),
                    QStringLiteral("unknown model '%1'; GET /v1/models lists the "
                                   "models, 'auto' and the stages")
                        .arg(clippedClientValue(id)),
                    QStringLiteral("model")});
}

void handleRoute(const ApiEnvironment &environment, HttpExchange *exchange) {
    const HttpRequest &request = exchange->request();
    const auto parsed = parseRequestBody(request.body, QStringLiteral("Chat Completions"));
    if (const auto *error = std::get_if<ApiError>(&parsed)) {
        replyWithError(exchange, *error);
        return;
    }
    const QJsonObject body = std::get<QJsonObject>(parsed);
    if (const std::optional<ApiError> error = checkMemberTypes(body)) {
        replyWithError(exchange, *error);
        return;
    }

    RouteInput input =
        routeInputFromRequest(body, QString::fromUtf8(request.header("x-signalbox-model")),
                              QString::fromUtf8(request.header("x-signalbox-stage")));

    const RouteOutcome outcome = routeDryRun(environment, body, input);
    if (const auto *rejection = std::get_if<RouteRejection>(&outcome)) {
        replyWithError(exchange, {rejection->httpStatus, rejection->type, rejection->code,
                                  rejection->message, QStringLiteral("model")});
        return;
    }
    replyWithJson(
        exchange, 200,
        toJson(decisionToJson(*environment.config, std::get<RouteDecision>(outcome), input)));
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
            {QLatin1String("cost_usd"), roundedUsd(record.costUsd)},
            {QLatin1String("latency_ms"), record.latencyMs},
            {QLatin1String("ttft_ms"), record.ttftMs},
            {QLatin1String("streamed"), record.streamed},
            {QLatin1String("error"), record.error},
            {QLatin1String("kind"), record.kind},
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
        {QLatin1String("cost_usd"), roundedUsd(summary.costUsd)},
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
        replyWithError(exchange,
                       {503, QStringLiteral("server_error"), QString(),
                        QStringLiteral("the gates have not started yet; retry in a moment"),
                        QString()});
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
