// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "simulatedupstream.h"

#include "chat/tokens.h"
#include "config/configloader.h"
#include "http/httpexchange.h"
#include "http/httpserver.h"
#include "http/ssewriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace signalbox {

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const char *const kSentences[] = {
    "Start by separating the parsing from the side effects so each part can be tested alone.",
    "The hot path should allocate once per request and never block on the disk.",
    "A smaller model handles this kind of formatting work well and costs a fraction as much.",
    "Here is the refactored function, with the error paths made explicit.",
    "The layout uses a two-column grid that collapses to one column on narrow screens.",
    "Consider caching the result keyed by a hash of the input, with a short expiry.",
    "The trade-off is latency against consistency; for this pipeline latency matters more.",
    "I would add a test for the empty input and for the boundary at exactly the limit.",
    "The summary: three services, one queue, and a nightly batch that reconciles them.",
    "This bug comes from reading the counter before the reservation is recorded.",
};

// Emitted pieces are words with their trailing space, like a tokenizer's output.
QStringList replyWords() {
    QStringList words;
    const int sentences = 2 + int(QRandomGenerator::global()->bounded(5));
    for (int i = 0; i < sentences; ++i) {
        const int pick = int(QRandomGenerator::global()->bounded(int(std::size(kSentences))));
        const QStringList parts = QString::fromLatin1(kSentences[pick]).split(QLatin1Char(' '));
        for (const QString &part : parts)
            words << part + QLatin1Char(' ');
    }
    return words;
}

QJsonObject usageObject(qint64 prompt, qint64 completion) {
    // Providers cache long prompts; report half of a long prompt as a cache read.
    const qint64 cached = prompt >= 1024 ? prompt / 2 : 0;
    return {{QLatin1String("prompt_tokens"), prompt},
            {QLatin1String("completion_tokens"), completion},
            {QLatin1String("total_tokens"), prompt + completion},
            {QLatin1String("prompt_tokens_details"),
             QJsonObject{{QLatin1String("cached_tokens"), cached}}},
            {QLatin1String("completion_tokens_details"),
             QJsonObject{{QLatin1String("reasoning_tokens"), 0}}}};
}

QByteArray compact(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject chunk(const QString &id, qint64 created, const QString &model, const QJsonObject &delta,
                  const QJsonValue &finishReason) {
    const QJsonObject choice{{QLatin1String("index"), 0},
                             {QLatin1String("delta"), delta},
                             {QLatin1String("logprobs"), QJsonValue::Null},
                             {QLatin1String("finish_reason"), finishReason}};
    return {{QLatin1String("id"), id},
            {QLatin1String("object"), QLatin1String("chat.completion.chunk")},
            {QLatin1String("created"), created},
            {QLatin1String("model"), model},
            {QLatin1String("choices"), QJsonArray{choice}}};
}

// Streams the words one per event at a steady pace, then the closing chunk, the usage chunk when
// the client asked for it, and [DONE].
class SimulatedStream : public QObject {
public:
    SimulatedStream(HttpExchange *exchange, const QJsonObject &body, qint64 promptTokens)
        : m_exchange(exchange)
        , m_words(replyWords())
        , m_model(body.value(QLatin1String("model")).toString())
        , m_promptTokens(promptTokens)
        , m_includeUsage(body.value(QLatin1String("stream_options"))
                             .toObject()
                             .value(QLatin1String("include_usage"))
                             .toBool()) {
        m_id = QStringLiteral("chatcmpl-sim%1").arg(QRandomGenerator::global()->generate(), 0, 16);
        m_created = QDateTime::currentSecsSinceEpoch();
        connect(&m_timer, &QTimer::timeout, this, &SimulatedStream::step);
        connect(exchange, &QObject::destroyed, this, &QObject::deleteLater);
    }

    void begin() {
        m_exchange->beginStream(
            200, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")}});
        send(chunk(m_id, m_created, m_model,
                   {{QLatin1String("role"), QLatin1String("assistant")},
                    {QLatin1String("content"), QLatin1String("")}},
                   QJsonValue::Null));
        m_timer.start(15 + int(QRandomGenerator::global()->bounded(25)));
    }

private:
    void send(const QJsonObject &object) { m_exchange->writeChunk(sseEvent(compact(object))); }

    void step() {
        if (!m_exchange)
            return;
        if (m_next < m_words.size()) {
            send(chunk(m_id, m_created, m_model, {{QLatin1String("content"), m_words.at(m_next++)}},
                       QJsonValue::Null));
            return;
        }
        m_timer.stop();
        send(chunk(m_id, m_created, m_model, {}, QLatin1String("stop")));
        if (m_includeUsage) {
            QJsonObject usageChunk = chunk(m_id, m_created, m_model, {}, QJsonValue::Null);
            usageChunk.insert(QLatin1String("choices"), QJsonArray());
            usageChunk.insert(QLatin1String("usage"), usageObject(m_promptTokens, m_words.size()));
            send(usageChunk);
        }
        m_exchange->writeChunk(QByteArrayLiteral("data: [DONE]\n\n"));
        m_exchange->endStream();
        deleteLater();
    }

    QPointer<HttpExchange> m_exchange;
    QTimer m_timer;
    QStringList m_words;
    QString m_id;
    qint64 m_created = 0;
    QString m_model;
    qint64 m_promptTokens = 0;
    bool m_includeUsage = false;
    qsizetype m_next = 0;
};

} // namespace

SimulatedUpstream::SimulatedUpstream(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<HttpServer>(HttpLimits{})) {
    m_server->setName(QStringLiteral("Demo upstream"));
    m_server->setHandler([this](HttpExchange *exchange) { handle(exchange); });
}

SimulatedUpstream::~SimulatedUpstream() = default;

Status SimulatedUpstream::listen() {
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 SimulatedUpstream::port() const {
    return m_server->serverPort();
}

void SimulatedUpstream::handle(HttpExchange *exchange) {
    const HttpRequest &request = exchange->request();
    const Headers json{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    if (request.method == "POST" && request.path.endsWith("/chat/completions")) {
        // A short think time before the first byte, as a real provider has.
        QPointer<HttpExchange> guard(exchange);
        QTimer::singleShot(80 + int(QRandomGenerator::global()->bounded(220)), this, [this, guard] {
            if (guard)
                answer(guard);
        });
        return;
    }
    if (request.method == "GET" && request.path.endsWith("/models")) {
        exchange->respond(200, json, modelList());
        return;
    }
    exchange->respond(404, json,
                      QByteArrayLiteral(R"({"error":{"message":"not found","type":)"
                                        R"("invalid_request_error","param":null,"code":null}})"));
}

// Lists the upstream ids of the demo config's models, as OpenAI's GET /v1/models does.
QByteArray SimulatedUpstream::modelList() const {
    QJsonArray data;
    const ConfigLoad demo = parseConfig(demoConfigJson());
    for (const ModelConfig &model : demo.ok() ? demo.config->models : QList<ModelConfig>()) {
        data.append(QJsonObject{{QLatin1String("id"), model.upstreamId},
                                {QLatin1String("object"), QLatin1String("model")},
                                {QLatin1String("created"), 0},
                                {QLatin1String("owned_by"), QLatin1String("signalbox-demo")}});
    }
    const QJsonObject list{{QLatin1String("object"), QLatin1String("list")},
                           {QLatin1String("data"), data}};
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

void SimulatedUpstream::answer(HttpExchange *exchange) {
    const QJsonObject body = QJsonDocument::fromJson(exchange->request().body).object();
    const qint64 promptTokens = qMax<qint64>(1, analyzeChatRequest(body).estimatedInputTokens);

    if (body.value(QLatin1String("stream")).toBool()) {
        auto *stream = new SimulatedStream(exchange, body, promptTokens);
        stream->setParent(this);
        stream->begin();
        return;
    }

    const QStringList words = replyWords();
    // JSON mode gets a JSON object. The simulated provider returns a fixed task classification,
    // because JSON mode is what the automatic router's classifier requests.
    const bool jsonMode = body.value(QLatin1String("response_format"))
                              .toObject()
                              .value(QLatin1String("type"))
                              .toString() == QLatin1String("json_object");
    const QString content =
        jsonMode ? QStringLiteral(R"({"category":"code","difficulty":"medium","confidence":0.7})")
                 : words.join(QString()).trimmed();
    const QJsonObject message{{QLatin1String("role"), QLatin1String("assistant")},
                              {QLatin1String("content"), content},
                              {QLatin1String("refusal"), QJsonValue::Null}};
    const QJsonObject choice{{QLatin1String("index"), 0},
                             {QLatin1String("message"), message},
                             {QLatin1String("logprobs"), QJsonValue::Null},
                             {QLatin1String("finish_reason"), QLatin1String("stop")}};
    const QJsonObject response{
        {QLatin1String("id"),
         QStringLiteral("chatcmpl-sim%1").arg(QRandomGenerator::global()->generate(), 0, 16)},
        {QLatin1String("object"), QLatin1String("chat.completion")},
        {QLatin1String("created"), QDateTime::currentSecsSinceEpoch()},
        {QLatin1String("model"), body.value(QLatin1String("model"))},
        {QLatin1String("choices"), QJsonArray{choice}},
        {QLatin1String("usage"), usageObject(promptTokens, words.size())}};
    exchange->respond(200,
                      {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
                      compact(response));
}

} // namespace signalbox
