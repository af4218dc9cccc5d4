// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/geminicodec.h"

#include "providers/anthropiccodec.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace signalbox::geminicodec {

namespace {

QLatin1String key(const char *name) {
    return QLatin1String(name);
}

// Gemini reads function parameters as an OpenAPI schema subset and rejects some JSON Schema
// keywords that clients commonly send.
// NOTE: only $schema and additionalProperties are removed. Other unsupported keywords still
// reach Gemini, which rejects them with 400.
QJsonValue geminiSchema(const QJsonValue &value) {
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(geminiSchema(item));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("$schema") ||
            it.key() == QLatin1String("additionalProperties"))
            continue;
        out.insert(it.key(), geminiSchema(it.value()));
    }
    return out;
}

// Returns a tool result's content as the object a functionResponse carries: the result itself
// when it is a JSON object, else {"content": text}.
QJsonObject functionResponseContent(const ContentPart &part) {
    const QString text = part.resultText();
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (document.isObject())
        return document.object();
    return {{key("content"), text}};
}

Result<QJsonArray> encodeParts(const QList<ContentPart> &parts,
                               const QHash<QString, QString> &toolNames) {
    QJsonArray out;
    for (const ContentPart &part : parts) {
        switch (part.kind) {
        case ContentPart::Kind::Text:
            if (!part.text.isEmpty())
                out.append(QJsonObject{{key("text"), part.text}});
            break;
        case ContentPart::Kind::Image:
            if (part.image.isInline())
                out.append(QJsonObject{
                    {key("inlineData"), QJsonObject{{key("mimeType"), part.image.mediaType},
                                                    {key("data"), part.image.data}}}});
            else
                // NOTE: the media type of a URL image is unknown here; Gemini may reject a URL
                // that is not a file it can fetch.
                out.append(QJsonObject{
                    {key("fileData"), QJsonObject{{key("mimeType"), QLatin1String("image/*")},
                                                  {key("fileUri"), part.image.url}}}});
            break;
        case ContentPart::Kind::ToolCall: {
            Result<QJsonObject> args = anthropiccodec::argumentsObject(part.arguments);
            if (!args)
                return Error{args.error()};
            out.append(
                QJsonObject{{key("functionCall"),
                             QJsonObject{{key("name"), part.name}, {key("args"), args.value()}}}});
            break;
        }
        case ContentPart::Kind::ToolResult:
            out.append(
                QJsonObject{{key("functionResponse"),
                             QJsonObject{{key("name"), toolNames.value(part.id, part.id)},
                                         {key("response"), functionResponseContent(part)}}}});
            break;
        case ContentPart::Kind::Thinking:
        case ContentPart::Kind::RedactedThinking:
            // Thoughts of an earlier turn are not sent back: Gemini does not read them.
            break;
        }
    }
    return out;
}

QJsonObject generationConfig(const ChatRequest &request) {
    QJsonObject config;
    if (request.maxTokens > 0)
        config.insert(key("maxOutputTokens"), request.maxTokens);
    if (request.temperature)
        config.insert(key("temperature"), *request.temperature);
    if (request.topP)
        config.insert(key("topP"), *request.topP);
    if (request.topK)
        config.insert(key("topK"), *request.topK);
    if (!request.stopSequences.isEmpty())
        config.insert(key("stopSequences"), QJsonArray::fromStringList(request.stopSequences));
    if (request.jsonOutput)
        config.insert(key("responseMimeType"), QLatin1String("application/json"));
    if (request.thinkingBudget > 0)
        config.insert(key("thinkingConfig"),
                      QJsonObject{{key("thinkingBudget"), request.thinkingBudget},
                                  {key("includeThoughts"), true}});
    return config;
}

void encodeTools(const ChatRequest &request, QJsonObject &body) {
    if (request.tools.isEmpty())
        return;
    QJsonArray declarations;
    for (const ToolDefinition &tool : request.tools) {
        QJsonObject declaration{{key("name"), tool.name}};
        if (!tool.description.isEmpty())
            declaration.insert(key("description"), tool.description);
        if (!tool.parameters.isEmpty())
            declaration.insert(key("parameters"), geminiSchema(tool.parameters));
        declarations.append(declaration);
    }
    body.insert(key("tools"), QJsonArray{QJsonObject{{key("functionDeclarations"), declarations}}});

    QJsonObject calling;
    switch (request.toolChoice.mode) {
    case ToolChoice::Mode::Unset:
        return;
    case ToolChoice::Mode::Auto:
        calling.insert(key("mode"), QLatin1String("AUTO"));
        break;
    case ToolChoice::Mode::Any:
        calling.insert(key("mode"), QLatin1String("ANY"));
        break;
    case ToolChoice::Mode::None:
        calling.insert(key("mode"), QLatin1String("NONE"));
        break;
    case ToolChoice::Mode::Tool:
        calling.insert(key("mode"), QLatin1String("ANY"));
        calling.insert(key("allowedFunctionNames"), QJsonArray{request.toolChoice.name});
        break;
    }
    body.insert(key("toolConfig"), QJsonObject{{key("functionCallingConfig"), calling}});
}

// Returns the delay in a RetryInfo detail, e.g. "41s" or "1.5s", in whole seconds rounded up.
QByteArray retryDelay(const QJsonArray &details) {
    for (const QJsonValue &value : details) {
        const QString delay = value.toObject().value(key("retryDelay")).toString();
        if (!delay.endsWith(QLatin1Char('s')))
            continue;
        bool ok = false;
        const double seconds = delay.chopped(1).toDouble(&ok);
        if (ok && std::isfinite(seconds) && seconds >= 0)
            return wholeRetrySeconds(seconds);
    }
    return {};
}

} // namespace

Result<QJsonObject> encodeRequest(const ChatRequest &request) {
    // A functionResponse names the function, and the canonical tool result has only the call id.
    QHash<QString, QString> toolNames;
    for (const ChatMessage &message : request.messages) {
        for (const ContentPart &part : message.parts) {
            if (part.kind == ContentPart::Kind::ToolCall)
                toolNames.insert(part.id, part.name);
        }
    }

    QJsonArray contents;
    for (const ChatMessage &message : request.messages) {
        Result<QJsonArray> parts = encodeParts(message.parts, toolNames);
        if (!parts)
            return Error{parts.error()};
        if (parts->isEmpty())
            continue;
        const QLatin1String role = message.role == ChatRole::User ? key("user") : key("model");
        contents.append(QJsonObject{{key("role"), role}, {key("parts"), parts.value()}});
    }

    QJsonObject body{{key("contents"), contents}};
    if (!request.system.isEmpty()) {
        QJsonArray parts;
        for (const QString &text : request.system)
            parts.append(QJsonObject{{key("text"), text}});
        body.insert(key("systemInstruction"), QJsonObject{{key("parts"), parts}});
    }
    const QJsonObject config = generationConfig(request);
    if (!config.isEmpty())
        body.insert(key("generationConfig"), config);
    encodeTools(request, body);
    return body;
}

ChatResponse decodeResponse(const QJsonObject &body) {
    ChatResponse response;
    response.id = body.value(key("responseId")).toString();
    response.model = body.value(key("modelVersion")).toString();
    const QJsonObject candidate = body.value(key("candidates")).toArray().at(0).toObject();
    int calls = 0;
    for (const QJsonValue &value :
         candidate.value(key("content")).toObject().value(key("parts")).toArray()) {
        const QJsonObject part = value.toObject();
        if (part.contains(key("functionCall"))) {
            const QJsonObject call = part.value(key("functionCall")).toObject();
            // Gemini gives no call ids unless asked, so the id is made from the response's.
            QString id = call.value(key("id")).toString();
            if (id.isEmpty())
                id = QStringLiteral("call_%1_%2").arg(response.id).arg(calls);
            response.content << ContentPart::makeToolCall(
                id, call.value(key("name")).toString(),
                QString::fromUtf8(QJsonDocument(call.value(key("args")).toObject())
                                      .toJson(QJsonDocument::Compact)));
            ++calls;
        } else if (part.value(key("thought")).toBool()) {
            response.content << ContentPart::makeThinking(part.value(key("text")).toString());
        } else if (part.contains(key("text"))) {
            response.content << ContentPart::makeText(part.value(key("text")).toString());
        }
    }
    response.finishReason =
        parseFinishReason(candidate.value(key("finishReason")).toString(), calls > 0);
    if (body.value(key("candidates")).toArray().isEmpty() &&
        body.value(key("promptFeedback")).toObject().contains(key("blockReason")))
        response.finishReason = FinishReason::ContentFilter;
    if (body.value(key("usageMetadata")).isObject()) {
        response.usage = parseUsage(body.value(key("usageMetadata")).toObject());
        response.usageReported = true;
    }
    return response;
}

Usage parseUsage(const QJsonObject &usageMetadata) {
    const auto count = [&usageMetadata](const char *name) {
        return usageMetadata.value(key(name)).toInteger();
    };
    Usage usage;
    // NOTE: toolUsePromptTokenCount (the prompt of built-in tools) is billed as input here; the
    // captured samples do not show whether Google counts it in promptTokenCount already.
    usage.inputTokens = count("promptTokenCount") + count("toolUsePromptTokenCount");
    usage.cachedTokens = count("cachedContentTokenCount");
    usage.reasoningTokens = count("thoughtsTokenCount");
    usage.outputTokens = count("candidatesTokenCount") + usage.reasoningTokens;
    return usage;
}

FinishReason parseFinishReason(const QString &reason, bool calledTools) {
    if (reason.isEmpty() || reason == QLatin1String("FINISH_REASON_UNSPECIFIED"))
        return FinishReason::None;
    if (reason == QLatin1String("STOP"))
        return calledTools ? FinishReason::ToolUse : FinishReason::Stop;
    if (reason == QLatin1String("MAX_TOKENS"))
        return FinishReason::Length;
    if (reason == QLatin1String("MALFORMED_FUNCTION_CALL") || reason == QLatin1String("OTHER"))
        return FinishReason::Other;
    // SAFETY, RECITATION, LANGUAGE, BLOCKLIST, PROHIBITED_CONTENT, SPII, IMAGE_SAFETY and
    // the reasons added later all mean the answer was filtered.
    return FinishReason::ContentFilter;
}

UpstreamError errorFromObject(const QJsonObject &body, int httpStatus, const QString &providerId) {
    const QJsonObject error = body.value(key("error")).toObject();
    UpstreamError result;
    result.kind = UpstreamError::Kind::Http;
    result.httpStatus = httpStatus;
    if (httpStatus == 200) {
        const int code = error.value(key("code")).toInt();
        result.httpStatus = code >= 400 && code <= 599 ? code : 502;
    }
    result.type = error.value(key("status")).toString();
    result.code = result.type;
    const QJsonArray details = error.value(key("details")).toArray();
    for (const QJsonValue &detail : details) {
        const QString reason = detail.toObject().value(key("reason")).toString();
        if (!reason.isEmpty())
            result.code = reason;
    }
    result.retryAfter = retryDelay(details);
    QString message = error.value(key("message")).toString().simplified();
    if (message.size() > 400)
        message = message.first(400) + QStringLiteral("…");
    result.message = QStringLiteral("upstream provider \"%1\" returned HTTP %2: %3")
                         .arg(providerId)
                         .arg(result.httpStatus)
                         .arg(message.isEmpty() ? QStringLiteral("(no message)") : message);
    return result;
}

} // namespace signalbox::geminicodec
