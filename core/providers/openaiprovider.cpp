// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/openaiprovider.h"

#include "logging.h"
#include "providers/openaiwire.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace signalbox {

namespace {

// A non-stream body larger than this is rejected, so a broken upstream cannot exhaust memory.
constexpr qsizetype kMaxBodyBytes = 64 * 1024 * 1024;

// Returns an error without the type, code and retry hints that only HTTP errors carry.
UpstreamError makeError(UpstreamError::Kind kind, int httpStatus, QString message) {
    UpstreamError error;
    error.kind = kind;
    error.httpStatus = httpStatus;
    error.message = std::move(message);
    return error;
}

bool isPassedOnHeader(const QByteArray &name) {
    return name == "x-request-id" || name == "openai-processing-ms" || name == "retry-after" ||
           name == "retry-after-ms" || name == "x-generation-id" || name.startsWith("x-ratelimit-");
}

// The largest retry delay reported, in seconds. The cap keeps the conversion of a huge header
// value to an integer defined.
constexpr double kMaxRetryAfterSeconds = std::numeric_limits<int>::max();

QByteArray wholeSeconds(double seconds) {
    return QByteArray::number(
        static_cast<qint64>(std::ceil(std::min(seconds, kMaxRetryAfterSeconds))));
}

// Returns the number in the header value, or nothing when it is not a finite number >= 0.
std::optional<double> parseDelay(const QByteArray &value) {
    bool ok = false;
    const double number = value.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number) || number < 0)
        return std::nullopt;
    return number;
}

// Returns the time of an HTTP date in the IMF-fixdate form, "Sun, 06 Nov 1994 08:49:37 GMT", or
// in the RFC 2822 form with a numeric offset. Returns an invalid QDateTime for anything else.
// NOTE: the obsolete RFC 850 and asctime date forms are not read.
QDateTime parseHttpDate(const QByteArray &value) {
    const QString text = QString::fromLatin1(value);
    // Qt parses day and month names of a format in the C locale, so the English names match.
    QDateTime date = QDateTime::fromString(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (date.isValid()) {
        date.setTimeSpec(Qt::UTC);
        return date;
    }
    return QDateTime::fromString(text, Qt::RFC2822Date);
}

// Returns the retry delay in whole seconds, rounded up, or an empty array when the reply has
// none that parses. The order is the one of openai-python's _parse_retry_after_header:
// retry-after-ms, then retry-after as seconds (fractions allowed), then retry-after as a date.
QByteArray retryAfterSeconds(const QNetworkReply &reply) {
    if (const std::optional<double> ms = parseDelay(reply.rawHeader("retry-after-ms")))
        return wholeSeconds(*ms / 1000.0);

    const QByteArray retryAfter = reply.rawHeader("retry-after");
    if (const std::optional<double> seconds = parseDelay(retryAfter))
        return wholeSeconds(*seconds);

    const QDateTime date = parseHttpDate(retryAfter.trimmed());
    if (!date.isValid())
        return {};
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(date);
    return wholeSeconds(std::max<qint64>(0, ms) / 1000.0);
}

// Returns the x-should-retry header, which openai-python obeys over the retry rule of the status,
// or nothing when it is absent or neither "true" nor "false".
std::optional<bool> shouldRetryHeader(const QNetworkReply &reply) {
    const QByteArray value = reply.rawHeader("x-should-retry").trimmed();
    if (value == "true")
        return true;
    if (value == "false")
        return false;
    return std::nullopt;
}

QUrl chatCompletionsUrl(const QString &baseUrl) {
    QString base = baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QStringLiteral("/chat/completions"), QUrl::StrictMode);
}

bool isSuccess(int status) {
    return status >= 200 && status <= 299;
}

} // namespace

OpenAiCall::OpenAiCall(UpstreamRequest request, QNetworkAccessManager *network, QObject *parent)
    : UpstreamCall(parent)
    , m_request(std::move(request))
    , m_network(network) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OpenAiCall::onTimeout);
}

OpenAiCall::~OpenAiCall() {
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void OpenAiCall::start() {
    m_clock.start();

    const QUrl url = chatCompletionsUrl(m_request.provider.baseUrl);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        finishWith(makeError(
            UpstreamError::Kind::Connect, 0,
            QStringLiteral("provider \"%1\" has an invalid base_url \"%2\"; set an http or "
                           "https URL such as https://api.openai.com/v1")
                .arg(m_request.provider.id, m_request.provider.baseUrl)));
        return;
    }

    Result<QByteArray> body = openaiwire::rewriteRequestBody(
        m_request.body, m_request.model.upstreamId, m_request.stream);
    if (!body) {
        finishWith(makeError(UpstreamError::Kind::Protocol, 0, body.error()));
        return;
    }

    m_reply = m_network->post(buildNetworkRequest(url), body.value());
    connectReply();
    armTimer(Phase::Connect);
}

void OpenAiCall::abort() {
    if (m_finished)
        return;
    finishWith(makeError(UpstreamError::Kind::Cancelled, 0,
                         QStringLiteral("the call to upstream provider \"%1\" was cancelled")
                             .arg(m_request.provider.id)));
}

QNetworkRequest OpenAiCall::buildNetworkRequest(const QUrl &url) const {
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (m_request.stream)
        request.setRawHeader("Accept", "text/event-stream");
    else
        request.setRawHeader("Accept", "application/json");
    if (!m_request.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_request.apiKey.toUtf8());
    return request;
}

void OpenAiCall::connectReply() {
    connect(m_reply, &QNetworkReply::requestSent, this, [this] {
        if (m_phase == Phase::Connect)
            armTimer(Phase::FirstByte);
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_phase == Phase::Connect)
            armTimer(Phase::FirstByte);
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &OpenAiCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &OpenAiCall::onReplyFinished);
}

void OpenAiCall::armTimer(Phase phase) {
    m_phase = phase;
    const UpstreamTimeouts &timeouts = m_request.timeouts;
    switch (phase) {
    case Phase::Connect:
        m_timer.start(timeouts.connectMs);
        break;
    case Phase::FirstByte:
        m_timer.start(timeouts.firstByteMs);
        break;
    case Phase::Idle:
        m_timer.start(timeouts.idleMs);
        break;
    }
}

void OpenAiCall::onTimeout() {
    QString which;
    int ms = 0;
    switch (m_phase) {
    case Phase::Connect:
        which = QStringLiteral("connect timeout");
        ms = m_request.timeouts.connectMs;
        break;
    case Phase::FirstByte:
        which = QStringLiteral("first-byte timeout");
        ms = m_request.timeouts.firstByteMs;
        break;
    case Phase::Idle:
        which = QStringLiteral("idle timeout between chunks");
        ms = m_request.timeouts.idleMs;
        break;
    }

    finishWith(
        makeError(UpstreamError::Kind::Timeout, 0,
                  QStringLiteral("upstream provider \"%1\" timed out: the %2 of %3 ms passed")
                      .arg(m_request.provider.id, which)
                      .arg(ms)));
}

void OpenAiCall::onReadyRead() {
    if (m_finished)
        return;
    if (!m_gotFirstRead)
        onFirstRead();
    armTimer(Phase::Idle);

    const QByteArray bytes = m_reply->readAll();
    if (m_eventStream) {
        feedStream(bytes);
        return;
    }

    if (m_body.size() + bytes.size() > kMaxBodyBytes) {
        finishWith(makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                             QStringLiteral("upstream provider \"%1\" sent a body over %2 bytes")
                                 .arg(m_request.provider.id)
                                 .arg(kMaxBodyBytes)));
        return;
    }
    m_body.append(bytes);
}

void OpenAiCall::onFirstRead() {
    m_gotFirstRead = true;
    m_result.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    for (const auto &[name, value] : m_reply->rawHeaderPairs()) {
        const QByteArray lower = name.toLower();
        if (isPassedOnHeader(lower))
            m_result.headers.append({lower, value});
    }

    const QByteArray contentType = m_reply->rawHeader("content-type").toLower();
    m_eventStream = m_request.stream && isSuccess(m_result.httpStatus) &&
                    contentType.contains("text/event-stream");
    if (!m_request.stream)
        m_result.ttftMs = m_clock.elapsed();
}

void OpenAiCall::feedStream(QByteArrayView bytes) {
    const QPointer<OpenAiCall> guard(this);
    for (const SseEvent &event : m_parser.feed(bytes)) {
        if (!handleChunk(event.data) || !guard || m_finished)
            return;
    }
    if (m_parser.overflowed()) {
        finishWith(makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                             QStringLiteral("upstream provider \"%1\" sent a stream event over "
                                            "%2 bytes")
                                 .arg(m_request.provider.id)
                                 .arg(SseParser::DefaultMaxEventBytes)));
    }
}

bool OpenAiCall::handleChunk(const QByteArray &data) {
    if (data == "[DONE]") {
        m_result.sawDone = true;
        return true;
    }

    const bool firstChunk = !m_streamStarted;
    if (!checkChunkForError(data, firstChunk))
        return false;
    if (firstChunk) {
        m_streamStarted = true;
        emit streamStarted();
        if (m_finished)
            return false;
    }

    bool usageOnly = false;
    if (openaiwire::mayCarryUsage(data)) {
        const QJsonObject chunk = QJsonDocument::fromJson(data).object();
        if (const std::optional<Usage> usage = openaiwire::parseUsage(chunk)) {
            m_result.usage = *usage;
            m_result.usageReported = true;
            usageOnly = openaiwire::isUsageOnlyChunk(chunk);
        }
    }

    // Signalbox may have asked for usage on the client's behalf, and some clients read
    // choices[0] of every chunk, so the usage-only chunk goes out only on request.
    if (usageOnly && !m_request.clientWantsUsage)
        return true;
    if (m_result.ttftMs < 0)
        m_result.ttftMs = m_clock.elapsed();
    emit streamData(data);
    return true;
}

bool OpenAiCall::checkChunkForError(const QByteArray &data, bool firstChunk) {
    // Only the first chunk is fully parsed on every stream, to reject a stream that does not
    // start with JSON. Later chunks are parsed when their text mentions an error key.
    if (!firstChunk && !data.contains("\"error\""))
        return true;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (!document.isObject()) {
        if (!firstChunk)
            return true;
        finishWith(makeError(
            UpstreamError::Kind::Protocol, m_result.httpStatus,
            QStringLiteral("upstream provider \"%1\" started its stream with an event that "
                           "is not a JSON object (%2)")
                .arg(m_request.provider.id, parseError.errorString())));
        return false;
    }

    if (!openaiwire::hasError(document.object()))
        return true;
    finishWith(openaiwire::errorFromObject(document.object(), m_request.provider.id));
    return false;
}

void OpenAiCall::onReplyFinished() {
    if (m_finished)
        return;

    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;
    if (!m_gotFirstRead && m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        onFirstRead();

    if (!m_gotFirstRead) {
        finishNetworkError();
        return;
    }
    if (!isSuccess(m_result.httpStatus)) {
        UpstreamError error =
            openaiwire::errorFromBody(m_result.httpStatus, m_body, m_request.provider.id);
        error.retryAfter = retryAfterSeconds(*m_reply);
        error.shouldRetry = shouldRetryHeader(*m_reply);
        m_result.body = m_body;
        finishWith(std::move(error));
        return;
    }

    if (m_eventStream)
        finishStream();
    else
        finishBody();
}

void OpenAiCall::finishStream() {
    const QPointer<OpenAiCall> guard(this);
    for (const SseEvent &event : m_parser.finish()) {
        if (!handleChunk(event.data) || !guard || m_finished)
            return;
    }

    if (m_reply->error() != QNetworkReply::NoError) {
        finishWith(
            makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                      QStringLiteral("the stream from upstream provider \"%1\" broke off: %2")
                          .arg(m_request.provider.id, m_reply->errorString())));
        return;
    }
    if (!m_streamStarted) {
        finishWith(
            makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                      QStringLiteral("upstream provider \"%1\" ended its stream without any chunk")
                          .arg(m_request.provider.id)));
        return;
    }
    finishOk();
}

void OpenAiCall::finishBody() {
    const QString &providerId = m_request.provider.id;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
    if (!document.isObject()) {
        finishWith(
            makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                      QStringLiteral("upstream provider \"%1\" returned a body that is not a JSON "
                                     "object (%2 at offset %3)")
                          .arg(providerId, parseError.errorString())
                          .arg(parseError.offset)));
        return;
    }

    const QJsonObject object = document.object();
    if (openaiwire::hasError(object)) {
        finishWith(openaiwire::errorFromObject(object, providerId));
        return;
    }
    if (m_request.stream) {
        finishWith(makeError(
            UpstreamError::Kind::Protocol, m_result.httpStatus,
            QStringLiteral("upstream provider \"%1\" answered a stream request with "
                           "Content-Type \"%2\" instead of text/event-stream")
                .arg(providerId, QString::fromLatin1(m_reply->rawHeader("content-type")))));
        return;
    }

    if (const std::optional<Usage> usage = openaiwire::parseUsage(object)) {
        m_result.usage = *usage;
        m_result.usageReported = true;
    }
    m_result.body = m_body;
    finishOk();
}

void OpenAiCall::finishNetworkError() {
    const QNetworkReply::NetworkError code = m_reply->error();
    const UpstreamError::Kind kind = code == QNetworkReply::TimeoutError
                                         ? UpstreamError::Kind::Timeout
                                         : UpstreamError::Kind::Connect;
    finishWith(makeError(
        kind, 0,
        QStringLiteral("could not reach upstream provider \"%1\" at %2: %3")
            .arg(m_request.provider.id, m_request.provider.baseUrl, m_reply->errorString())));
}

void OpenAiCall::finishWith(UpstreamError error) {
    error.message = openaiwire::redact(error.message, m_request.apiKey);
    m_result.body = openaiwire::redact(QString::fromUtf8(m_result.body), m_request.apiKey).toUtf8();
    m_result.error = std::move(error);
    qCWarning(lcUpstream).noquote()
        << "call to provider" << m_request.provider.id << "model" << m_request.model.id
        << "failed:" << upstreamErrorKindName(m_result.error.kind) << m_result.error.message;
    finishOk();
}

void OpenAiCall::finishOk() {
    m_finished = true;
    m_timer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    emit finished(m_result);
}

} // namespace signalbox
