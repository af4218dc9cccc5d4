// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/providercall.h"

#include "chat/tokens.h"
#include "http/ssewriter.h"
#include "logging.h"
#include "providers/openaiwire.h"
#include "warningthrottle.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUrl>

#include <algorithm>
#include <cmath>
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
QByteArray retryAfterSeconds(const HttpClientReply &reply) {
    if (const std::optional<double> ms = parseDelay(reply.header("retry-after-ms")))
        return wholeRetrySeconds(*ms / 1000.0);

    const QByteArray retryAfter = reply.header("retry-after");
    if (const std::optional<double> seconds = parseDelay(retryAfter))
        return wholeRetrySeconds(*seconds);

    const QDateTime date = parseHttpDate(retryAfter.trimmed());
    if (!date.isValid())
        return {};
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(date);
    return wholeRetrySeconds(std::max<qint64>(0, ms) / 1000.0);
}

// Returns the x-should-retry header, which openai-python obeys over the retry rule of the status,
// or nothing when it is absent or neither "true" nor "false".
std::optional<bool> shouldRetryHeader(const HttpClientReply &reply) {
    const QByteArray value = reply.header("x-should-retry").trimmed();
    if (value == "true")
        return true;
    if (value == "false")
        return false;
    return std::nullopt;
}

bool hasControlCharacter(QByteArrayView value) {
    return std::any_of(value.begin(), value.end(), [](char c) {
        const auto byte = uchar(c);
        return byte < 0x20 ? byte != '\t' : byte == 0x7f;
    });
}

bool isSuccess(int status) {
    return status >= 200 && status <= 299;
}

} // namespace

ProviderCall::ProviderCall(UpstreamRequest request, std::unique_ptr<ProviderAdapter> adapter,
                           HttpClient *client, WarningThrottle *failureWarnings, QObject *parent)
    : UpstreamCall(parent)
    , m_request(std::move(request))
    , m_adapter(std::move(adapter))
    , m_client(client)
    , m_failureWarnings(failureWarnings) {
    m_passThrough = m_adapter->wireFormat() == m_request.clientFormat;
    m_decoder = m_adapter->createStreamDecoder(m_request.provider.id);
    if (!m_passThrough)
        m_encoder = createClientStreamEncoder(m_request.clientFormat, m_request.clientWantsUsage,
                                              QDateTime::currentSecsSinceEpoch(),
                                              m_request.model.upstreamId);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProviderCall::onTimeout);
}

// Deleting an unfinished reply closes its connection.
ProviderCall::~ProviderCall() = default;

void ProviderCall::start() {
    m_clock.start();

    Result<PreparedCall> prepared = m_adapter->prepare(m_request);
    if (!prepared) {
        finishWith(makeError(UpstreamError::Kind::Protocol, 0, prepared.error()));
        return;
    }
    const QUrl &url = prepared->url;
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        finishWith(makeError(
            UpstreamError::Kind::Connect, 0,
            QStringLiteral("provider \"%1\" has an invalid base_url \"%2\"; set an http or "
                           "https URL such as https://api.openai.com/v1")
                .arg(m_request.provider.id, m_request.provider.baseUrl)));
        return;
    }

    // A line break in a value would end the header early and let the rest pass as a header of
    // its own. The API key is what can bring one here, so the message must not show the value.
    for (const auto &[name, value] : std::as_const(prepared->headers)) {
        if (hasControlCharacter(value)) {
            finishWith(makeError(
                UpstreamError::Kind::Protocol, 0,
                QStringLiteral("the %1 header for provider \"%2\" contains a line break or "
                               "another control character, which usually comes from the API "
                               "key; store the key again without it")
                    .arg(QString::fromLatin1(name), m_request.provider.id)));
            return;
        }
    }

    armTimer(Phase::Connect);
    m_reply = m_client->post(buildHttpRequest(std::move(prepared).value()), this);
}

void ProviderCall::abort() {
    if (m_finished)
        return;
    finishWith(makeError(UpstreamError::Kind::Cancelled, 0,
                         QStringLiteral("the call to upstream provider \"%1\" was cancelled")
                             .arg(m_request.provider.id)));
}

HttpClientRequest ProviderCall::buildHttpRequest(PreparedCall prepared) const {
    HttpClientRequest request;
    request.url = std::move(prepared.url);
    request.headers.reserve(prepared.headers.size() + 2);
    request.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    request.headers.append(
        {QByteArrayLiteral("Accept"), m_request.stream ? QByteArrayLiteral("text/event-stream")
                                                       : QByteArrayLiteral("application/json")});
    request.headers.append(prepared.headers);
    request.body = std::move(prepared.body);
    return request;
}

void ProviderCall::armTimer(Phase phase) {
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

void ProviderCall::onTimeout() {
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

void ProviderCall::onRequestSent() {
    if (m_phase == Phase::Connect)
        armTimer(Phase::FirstByte);
}

void ProviderCall::onResponseHead() {
    m_gotHead = true;
    if (m_phase == Phase::Connect)
        armTimer(Phase::FirstByte);
    m_result.httpStatus = m_reply->status();

    for (const auto &[name, value] : m_reply->headers()) {
        const QByteArray lower = name.toLower();
        if (m_adapter->isPassedOnHeader(lower))
            m_result.headers.append({lower, value});
    }

    const QByteArray contentType = m_reply->header("content-type").toLower();
    m_eventStream = m_request.stream && isSuccess(m_result.httpStatus) &&
                    contentType.contains("text/event-stream");
    if (!m_request.stream)
        m_result.ttftMs = m_clock.elapsed();
}

void ProviderCall::onResponseBody(const QByteArray &bytes) {
    if (m_finished)
        return;
    armTimer(Phase::Idle);
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

void ProviderCall::feedStream(QByteArrayView bytes) {
    const QPointer<ProviderCall> guard(this);
    for (const SseEvent &event : m_parser.feed(bytes)) {
        if (!handleEvent(event) || !guard || m_finished)
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

namespace {

// Returns true when the event carries part of the answer itself, not only its id or usage.
bool hasAnswerContent(const DecodedEvent &decoded) {
    return std::any_of(decoded.events.cbegin(), decoded.events.cend(), [](const StreamEvent &e) {
        return e.kind != StreamEvent::Kind::MessageStart && e.kind != StreamEvent::Kind::Usage;
    });
}

} // namespace

bool ProviderCall::handleEvent(const SseEvent &event) {
    const DecodedEvent decoded = m_decoder->decode(event);
    m_result.usage = m_decoder->usage();
    m_result.usageReported = m_decoder->usageComplete();
    m_result.inputReported = m_decoder->inputReported();
    if (decoded.error) {
        finishWith(*decoded.error);
        return false;
    }
    if (decoded.done)
        m_result.sawDone = true;
    m_sawEvents = m_sawEvents || !decoded.events.isEmpty();
    m_sawFinish = m_sawFinish || std::any_of(decoded.events.cbegin(), decoded.events.cend(),
                                             [](const StreamEvent &e) {
                                                 return e.kind == StreamEvent::Kind::Finish;
                                             });

    countStreamed(decoded);
    m_pendingFrames += clientFrames(event, decoded);
    // Nothing reaches the client before the first piece of the answer, so an error event right
    // after Anthropic's message_start can still move the request to another candidate.
    if (!m_streamStarted && !hasAnswerContent(decoded))
        return true;
    return flushToClient();
}

bool ProviderCall::flushToClient() {
    if (!m_streamStarted) {
        m_streamStarted = true;
        emit streamStarted();
        if (m_finished)
            return false;
    }
    emitFrames(std::exchange(m_pendingFrames, QByteArray()));
    return !m_finished;
}

QByteArray ProviderCall::clientFrames(const SseEvent &event, const DecodedEvent &decoded) {
    if (!m_passThrough) {
        QByteArray frames;
        for (const StreamEvent &canonical : decoded.events)
            frames += m_encoder->encode(canonical);
        return frames;
    }

    // The client speaks the provider's format, so the event goes out unchanged, except what the
    // closing frames replace and what the client did not ask for.
    if (decoded.done && m_request.clientFormat == WireFormat::OpenAiChat)
        return {}; // [DONE] is written once the stream is complete
    // Signalbox may have asked for usage on the client's behalf, and some clients read
    // choices[0] of every chunk, so the usage-only chunk goes out only on request.
    if (decoded.usageOnly && !m_request.clientWantsUsage)
        return {};
    if (decoded.error || (decoded.keepAlive && event.data.isEmpty()))
        return {};
    return sseEvent(event.data, event.event);
}

// Returns the text of a whole answer that counts as output, the same parts as countStreamed()
// counts in a stream: text, thinking, and tool calls' names and arguments.
QString ProviderCall::answerText(const ChatResponse &response) {
    QString text;
    for (const ContentPart &part : response.content) {
        if (part.kind == ContentPart::Kind::Text || part.kind == ContentPart::Kind::Thinking)
            text += part.text;
        else if (part.kind == ContentPart::Kind::ToolCall)
            text += part.name + part.arguments;
    }
    return text;
}

void ProviderCall::countStreamed(const DecodedEvent &decoded) {
    for (const StreamEvent &canonical : decoded.events) {
        switch (canonical.kind) {
        case StreamEvent::Kind::TextDelta:
        case StreamEvent::Kind::ThinkingDelta:
        case StreamEvent::Kind::ToolArgumentsDelta:
        case StreamEvent::Kind::ToolCallStart:
            m_streamedText += canonical.text + canonical.name;
            break;
        default:
            break;
        }
    }
    m_result.streamedOutputTokens = estimateTokens(m_streamedText);
}

void ProviderCall::emitFrames(const QByteArray &frames) {
    if (frames.isEmpty())
        return;
    if (m_result.ttftMs < 0)
        m_result.ttftMs = m_clock.elapsed();
    ++m_result.streamedFrames;
    emit streamData(frames);
}

void ProviderCall::onResponseFinished() {
    if (m_finished)
        return;

    if (!m_gotHead) {
        finishNetworkError();
        return;
    }
    // A cut-off stream is handled in finishStream(), and an HTTP error is reported with the part
    // of its body that arrived.
    if (m_reply->error() != HttpClientError::None && !m_eventStream &&
        isSuccess(m_result.httpStatus)) {
        finishBrokenBody();
        return;
    }
    if (!isSuccess(m_result.httpStatus)) {
        UpstreamError error =
            m_adapter->errorFromBody(m_result.httpStatus, m_body, m_request.provider.id);
        // A hint in the body (Gemini's RetryInfo) is kept unless the headers give one.
        const QByteArray headerDelay = retryAfterSeconds(*m_reply);
        if (!headerDelay.isEmpty())
            error.retryAfter = headerDelay;
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

void ProviderCall::finishStream() {
    const QPointer<ProviderCall> guard(this);
    for (const SseEvent &event : m_parser.finish()) {
        if (!handleEvent(event) || !guard || m_finished)
            return;
    }

    const QString &providerId = m_request.provider.id;
    if (m_reply->error() != HttpClientError::None) {
        finishWith(
            makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                      QStringLiteral("the stream from upstream provider \"%1\" broke off: %2")
                          .arg(providerId, m_reply->errorString())));
        return;
    }
    if (!m_sawEvents) {
        finishWith(
            makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                      QStringLiteral("upstream provider \"%1\" ended its stream without any chunk")
                          .arg(providerId)));
        return;
    }
    if (m_adapter->streamNeedsEndMarker() && !m_result.sawDone) {
        finishWith(makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                             QStringLiteral("the stream from upstream provider \"%1\" ended "
                                            "before its end event")
                                 .arg(providerId)));
        return;
    }
    // Without an end marker of its own, a stream is complete once an answer states why it
    // ended (OpenAI's finish_reason, Gemini's finishReason) or OpenAI's [DONE] arrives. One that
    // stops before either was cut off, and the client must not take it for a whole answer.
    if (!m_result.sawDone && !m_sawFinish) {
        finishWith(makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                             QStringLiteral("the stream from upstream provider \"%1\" ended "
                                            "without a finish reason or [DONE]")
                                 .arg(providerId)));
        return;
    }

    if (m_passThrough && m_request.clientFormat == WireFormat::OpenAiChat)
        m_pendingFrames += QByteArrayLiteral("data: [DONE]\n\n");
    else if (!m_passThrough)
        m_pendingFrames += m_encoder->finish();
    if (!flushToClient())
        return;
    finishOk();
}

void ProviderCall::finishBody() {
    // A body without usage is decoded below, because its bill is estimated from its text.
    if (m_passThrough && !m_request.stream) {
        const std::optional<ScannedResponse> scanned = m_adapter->scanPassedOnResponse(m_body);
        if (scanned && scanned->usage) {
            finishPassedOnBody(scanned->usage);
            return;
        }
    }

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
    if (std::optional<UpstreamError> error = m_adapter->errorInBody(object, providerId)) {
        finishWith(std::move(*error));
        return;
    }
    if (m_request.stream) {
        finishWith(
            makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                      QStringLiteral("upstream provider \"%1\" answered a stream request with "
                                     "Content-Type \"%2\" instead of text/event-stream")
                          .arg(providerId, QString::fromLatin1(m_reply->header("content-type")))));
        return;
    }

    ChatResponse response = m_adapter->decodeResponse(object);
    // A translated reply names the model that was called when the upstream's body names none.
    if (response.model.isEmpty())
        response.model = m_request.model.upstreamId;
    if (!response.usageReported)
        m_result.answerOutputTokens = estimateTokens(answerText(response));
    if (m_passThrough) {
        finishPassedOnBody(response.usageReported ? std::optional(response.usage) : std::nullopt);
        return;
    }
    setReportedUsage(response.usageReported ? std::optional(response.usage) : std::nullopt);
    m_result.body = encodeClientResponse(m_request.clientFormat, response);
    finishOk();
}

void ProviderCall::finishPassedOnBody(const std::optional<Usage> &usage) {
    setReportedUsage(usage);
    m_result.body = m_body;
    finishOk();
}

void ProviderCall::setReportedUsage(const std::optional<Usage> &usage) {
    if (!usage)
        return;
    m_result.usage = *usage;
    m_result.usageReported = true;
    m_result.inputReported = true;
}

void ProviderCall::finishNetworkError() {
    finishWith(makeError(
        UpstreamError::Kind::Connect, 0,
        QStringLiteral("could not reach upstream provider \"%1\" at %2: %3")
            .arg(m_request.provider.id, m_request.provider.baseUrl, m_reply->errorString())));
}

void ProviderCall::finishBrokenBody() {
    finishWith(makeError(UpstreamError::Kind::Protocol, m_result.httpStatus,
                         QStringLiteral("the response from upstream provider \"%1\" broke off: %2")
                             .arg(m_request.provider.id, m_reply->errorString())));
}

void ProviderCall::finishWith(UpstreamError error) {
    error.message = openaiwire::redact(error.message, m_request.apiKey);
    m_result.body = openaiwire::redact(QString::fromUtf8(m_result.body), m_request.apiKey).toUtf8();
    m_result.error = std::move(error);
    // With an upstream down, every request fails the same way: the throttle logs the first and
    // then counts the rest.
    // A 429 after a 500 is news, so the HTTP status is part of the kind.
    QString kind = QStringLiteral("call to provider %1 model %2 failed: %3")
                       .arg(m_request.provider.id, m_request.model.id,
                            upstreamErrorKindName(m_result.error.kind));
    if (m_result.error.httpStatus > 0)
        kind += QLatin1Char(' ') + QString::number(m_result.error.httpStatus);
    // A call cancelled because its client left did not fail, and the request logs that itself.
    const bool cancelled = m_result.error.kind == UpstreamError::Kind::Cancelled;
    if (!cancelled && (!m_failureWarnings || m_failureWarnings->admit(kind)))
        qCWarning(lcUpstream).noquote() << kind + QLatin1Char(':') << m_result.error.message;
    finishOk();
}

void ProviderCall::finishOk() {
    m_finished = true;
    m_timer.stop();
    m_reply.reset();
    emit finished(m_result);
}

} // namespace signalbox
