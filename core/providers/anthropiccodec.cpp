// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/anthropiccodec.h"

#include "clienttext.h"
#include "providers/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace signalbox::anthropiccodec {

namespace {

QLatin1String key(const char *name) {
    return QLatin1String(name);
}

ContentPart decodeImage(const QJsonObject &block) {
    const QJsonObject source = block.value(key("source")).toObject();
    ImageSource image;
    if (source.value(key("type")).toString() == QLatin1String("base64")) {
        image.mediaType = source.value(key("media_type")).toString();
        image.data = source.value(key("data")).toString();
    } else {
        image.url = source.value(key("url")).toString();
    }
    return ContentPart::makeImage(image);
}

Result<ContentPart> decodeBlock(const QJsonValue &value, const QString &where);

Result<ContentPart> decodeToolResult(const QJsonObject &block, const QString &where) {
    std::vector<ContentPart> result;
    const QJsonValue content = block.value(key("content"));
    if (content.isString()) {
        result.push_back(ContentPart::makeText(content.toString()));
    } else {
        const QJsonArray blocks = content.toArray();
        for (int i = 0; i < blocks.size(); ++i) {
            Result<ContentPart> part =
                decodeBlock(blocks.at(i), QStringLiteral("%1.content[%2]").arg(where).arg(i));
            if (!part)
                return part;
            result.push_back(part.value());
        }
    }
    return ContentPart::makeToolResult(block.value(key("tool_use_id")).toString(), result,
                                       block.value(key("is_error")).toBool());
}

Result<ContentPart> decodeBlock(const QJsonValue &value, const QString &where) {
    const QJsonObject block = value.toObject();
    const QString type = block.value(key("type")).toString();
    if (type == QLatin1String("text"))
        return ContentPart::makeText(block.value(key("text")).toString());
    if (type == QLatin1String("image"))
        return decodeImage(block);
    if (type == QLatin1String("tool_use"))
        return ContentPart::makeToolCall(
            block.value(key("id")).toString(), block.value(key("name")).toString(),
            QString::fromUtf8(compactJson(block.value(key("input")).toObject())));
    if (type == QLatin1String("tool_result"))
        return decodeToolResult(block, where);
    if (type == QLatin1String("thinking"))
        return ContentPart::makeThinking(block.value(key("thinking")).toString(),
                                         block.value(key("signature")).toString());
    if (type == QLatin1String("redacted_thinking")) {
        ContentPart part;
        part.kind = ContentPart::Kind::RedactedThinking;
        part.text = block.value(key("data")).toString();
        return part;
    }
    return Error{QStringLiteral("%1: content block type \"%2\" cannot be translated for this "
                                "model; send text, image, tool_use, tool_result or thinking "
                                "blocks")
                     .arg(where, clippedClientValue(type))};
}

Status decodeMessages(const QJsonArray &messages, ChatRequest &request) {
    for (int i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value(key("role")).toString();
        ChatMessage decoded;
        if (role == QLatin1String("user")) {
            decoded.role = ChatRole::User;
        } else if (role == QLatin1String("assistant")) {
            decoded.role = ChatRole::Assistant;
        } else {
            return Error{QStringLiteral("messages[%1].role: \"%2\" is not a Messages role; use "
                                        "user or assistant")
                             .arg(i)
                             .arg(clippedClientValue(role))};
        }

        const QJsonValue content = message.value(key("content"));
        if (content.isString()) {
            decoded.parts << ContentPart::makeText(content.toString());
        } else {
            const QJsonArray blocks = content.toArray();
            for (int b = 0; b < blocks.size(); ++b) {
                Result<ContentPart> part = decodeBlock(
                    blocks.at(b), QStringLiteral("messages[%1].content[%2]").arg(i).arg(b));
                if (!part)
                    return Error{part.error()};
                decoded.parts << part.value();
            }
        }
        request.messages << decoded;
    }
    return Ok{};
}

void decodeTools(const QJsonObject &body, ChatRequest &request) {
    for (const QJsonValue &value : body.value(key("tools")).toArray()) {
        const QJsonObject tool = value.toObject();
        request.tools << ToolDefinition{tool.value(key("name")).toString(),
                                        tool.value(key("description")).toString(),
                                        tool.value(key("input_schema")).toObject()};
    }

    const QJsonObject choice = body.value(key("tool_choice")).toObject();
    const QString type = choice.value(key("type")).toString();
    if (type == QLatin1String("auto"))
        request.toolChoice.mode = ToolChoice::Mode::Auto;
    else if (type == QLatin1String("any"))
        request.toolChoice.mode = ToolChoice::Mode::Any;
    else if (type == QLatin1String("none"))
        request.toolChoice.mode = ToolChoice::Mode::None;
    else if (type == QLatin1String("tool"))
        request.toolChoice = {ToolChoice::Mode::Tool, choice.value(key("name")).toString()};
    if (choice.value(key("disable_parallel_tool_use")).toBool())
        request.parallelToolCalls = false;
}

void decodeSystem(const QJsonValue &system, ChatRequest &request) {
    if (system.isString()) {
        if (!system.toString().isEmpty())
            request.system << system.toString();
        return;
    }
    for (const QJsonValue &block : system.toArray()) {
        const QString text = block.toObject().value(key("text")).toString();
        if (!text.isEmpty())
            request.system << text;
    }
}

QJsonObject encodeImage(const ImageSource &image) {
    QJsonObject source;
    if (image.isInline())
        source = {{key("type"), key("base64")},
                  {key("media_type"), image.mediaType},
                  {key("data"), image.data}};
    else
        source = {{key("type"), key("url")}, {key("url"), image.url}};
    return {{key("type"), key("image")}, {key("source"), source}};
}

Result<QJsonValue> encodePart(const ContentPart &part) {
    switch (part.kind) {
    case ContentPart::Kind::Text:
        // Anthropic rejects empty text blocks.
        if (part.text.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        return QJsonValue(QJsonObject{{key("type"), key("text")}, {key("text"), part.text}});
    case ContentPart::Kind::Image:
        return QJsonValue(encodeImage(part.image));
    case ContentPart::Kind::ToolCall: {
        Result<QJsonObject> input = argumentsObject(part.arguments);
        if (!input)
            return Error{input.error()};
        return QJsonValue(QJsonObject{{key("type"), key("tool_use")},
                                      {key("id"), part.id},
                                      {key("name"), part.name},
                                      {key("input"), input.value()}});
    }
    case ContentPart::Kind::ToolResult: {
        QJsonArray content;
        for (const ContentPart &inner : part.result) {
            Result<QJsonValue> encoded = encodePart(inner);
            if (encoded && !encoded->isUndefined())
                content.append(encoded.value());
        }
        QJsonObject block{{key("type"), key("tool_result")}, {key("tool_use_id"), part.id}};
        if (part.result.size() == 1 && part.result.front().kind == ContentPart::Kind::Text)
            block.insert(key("content"), part.result.front().text);
        else
            block.insert(key("content"), content);
        if (part.isError)
            block.insert(key("is_error"), true);
        return QJsonValue(block);
    }
    case ContentPart::Kind::Thinking:
        // Anthropic accepts thinking only with the signature it issued, so thinking from
        // another provider is left out.
        if (part.signature.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        return QJsonValue(QJsonObject{{key("type"), key("thinking")},
                                      {key("thinking"), part.text},
                                      {key("signature"), part.signature}});
    case ContentPart::Kind::RedactedThinking:
        return QJsonValue(
            QJsonObject{{key("type"), key("redacted_thinking")}, {key("data"), part.text}});
    }
    return QJsonValue(QJsonValue::Undefined);
}

// Returns the message's blocks with tool results first, as Anthropic expects after a tool_use.
Result<QJsonArray> encodeParts(const QList<ContentPart> &parts) {
    QJsonArray results;
    QJsonArray others;
    for (const ContentPart &part : parts) {
        Result<QJsonValue> block = encodePart(part);
        if (!block)
            return Error{block.error()};
        if (block->isUndefined())
            continue;
        if (part.kind == ContentPart::Kind::ToolResult)
            results.append(block.value());
        else
            others.append(block.value());
    }
    for (const QJsonValue &block : std::as_const(others))
        results.append(block);
    return results;
}

Result<QJsonArray> encodeMessages(const QList<ChatMessage> &messages) {
    // Merge same-role neighbours first, because Anthropic requires alternating roles.
    QList<ChatMessage> merged;
    for (const ChatMessage &message : messages) {
        if (!merged.isEmpty() && merged.last().role == message.role)
            merged.last().parts << message.parts;
        else
            merged << message;
    }

    QJsonArray out;
    for (const ChatMessage &message : std::as_const(merged)) {
        Result<QJsonArray> content = encodeParts(message.parts);
        if (!content)
            return Error{content.error()};
        if (content->isEmpty())
            continue;
        const QLatin1String role = message.role == ChatRole::User ? key("user") : key("assistant");
        out.append(QJsonObject{{key("role"), role}, {key("content"), content.value()}});
    }
    return out;
}

QJsonObject encodeToolChoice(const ChatRequest &request) {
    QJsonObject choice;
    switch (request.toolChoice.mode) {
    case ToolChoice::Mode::Unset:
        if (request.parallelToolCalls != false)
            return {};
        choice.insert(key("type"), key("auto"));
        break;
    case ToolChoice::Mode::Auto:
        choice.insert(key("type"), key("auto"));
        break;
    case ToolChoice::Mode::Any:
        choice.insert(key("type"), key("any"));
        break;
    case ToolChoice::Mode::None:
        return {{key("type"), key("none")}};
    case ToolChoice::Mode::Tool:
        choice.insert(key("type"), key("tool"));
        choice.insert(key("name"), request.toolChoice.name);
        break;
    }
    if (request.parallelToolCalls == false)
        choice.insert(key("disable_parallel_tool_use"), true);
    return choice;
}

void encodeOptions(const ChatRequest &request, QJsonObject &body) {
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolDefinition &tool : request.tools) {
            QJsonObject encoded{{key("name"), tool.name}};
            if (!tool.description.isEmpty())
                encoded.insert(key("description"), tool.description);
            QJsonObject schema = tool.parameters;
            if (schema.isEmpty())
                schema.insert(key("type"), key("object"));
            encoded.insert(key("input_schema"), schema);
            tools.append(encoded);
        }
        body.insert(key("tools"), tools);
        const QJsonObject choice = encodeToolChoice(request);
        if (!choice.isEmpty())
            body.insert(key("tool_choice"), choice);
    }
    if (!request.stopSequences.isEmpty())
        body.insert(key("stop_sequences"), QJsonArray::fromStringList(request.stopSequences));
    if (request.temperature)
        body.insert(key("temperature"), *request.temperature);
    if (request.topP)
        body.insert(key("top_p"), *request.topP);
    if (request.topK)
        body.insert(key("top_k"), *request.topK);
    if (request.thinkingBudget > 0)
        body.insert(key("thinking"), QJsonObject{{key("type"), key("enabled")},
                                                 {key("budget_tokens"), request.thinkingBudget}});
    if (!request.user.isEmpty())
        body.insert(key("metadata"), QJsonObject{{key("user_id"), request.user}});
}

QByteArray encodeResponseBlock(const ContentPart &part) {
    switch (part.kind) {
    case ContentPart::Kind::Text:
        return OrderedJson().add("type", QStringLiteral("text")).add("text", part.text).toJson();
    case ContentPart::Kind::Thinking:
        return OrderedJson()
            .add("type", QStringLiteral("thinking"))
            .add("thinking", part.text)
            .add("signature", part.signature)
            .toJson();
    case ContentPart::Kind::RedactedThinking:
        return OrderedJson()
            .add("type", QStringLiteral("redacted_thinking"))
            .add("data", part.text)
            .toJson();
    case ContentPart::Kind::ToolCall:
        return OrderedJson()
            .add("type", QStringLiteral("tool_use"))
            .add("id", part.id)
            .add("name", part.name)
            .add("input", argumentsObject(part.arguments).ok()
                              ? argumentsObject(part.arguments).value()
                              : QJsonObject())
            .toJson();
    case ContentPart::Kind::Image:
    case ContentPart::Kind::ToolResult:
        break;
    }
    return {};
}

} // namespace

Result<ChatRequest> decodeRequest(const QJsonObject &body) {
    ChatRequest request;
    request.model = body.value(key("model")).toString();
    decodeSystem(body.value(key("system")), request);
    if (Status messages = decodeMessages(body.value(key("messages")).toArray(), request); !messages)
        return Error{messages.error()};
    decodeTools(body, request);

    request.maxTokens = body.value(key("max_tokens")).toInteger();
    for (const QJsonValue &stop : body.value(key("stop_sequences")).toArray())
        request.stopSequences << stop.toString();
    if (body.value(key("temperature")).isDouble())
        request.temperature = body.value(key("temperature")).toDouble();
    if (body.value(key("top_p")).isDouble())
        request.topP = body.value(key("top_p")).toDouble();
    if (body.value(key("top_k")).isDouble())
        request.topK = body.value(key("top_k")).toInt();
    const QJsonObject thinking = body.value(key("thinking")).toObject();
    if (thinking.value(key("type")).toString() == QLatin1String("enabled"))
        request.thinkingBudget = thinking.value(key("budget_tokens")).toInteger();
    request.user = body.value(key("metadata")).toObject().value(key("user_id")).toString();
    request.stream = body.value(key("stream")).toBool(false);
    return request;
}

Result<QJsonObject> encodeRequest(const ChatRequest &request, const QString &upstreamModel,
                                  qint64 defaultMaxTokens) {
    Result<QJsonArray> messages = encodeMessages(request.messages);
    if (!messages)
        return Error{messages.error()};

    QJsonObject body{
        {key("model"), upstreamModel},
        {key("max_tokens"), request.maxTokens > 0 ? request.maxTokens : defaultMaxTokens},
        {key("messages"), messages.value()}};
    if (request.system.size() == 1) {
        body.insert(key("system"), request.system.first());
    } else if (!request.system.isEmpty()) {
        QJsonArray system;
        for (const QString &text : request.system)
            system.append(QJsonObject{{key("type"), key("text")}, {key("text"), text}});
        body.insert(key("system"), system);
    }
    encodeOptions(request, body);
    if (request.stream)
        body.insert(key("stream"), true);
    return body;
}

ChatResponse decodeResponse(const QJsonObject &body) {
    ChatResponse response;
    response.id = body.value(key("id")).toString();
    response.model = body.value(key("model")).toString();
    const QJsonArray content = body.value(key("content")).toArray();
    for (int i = 0; i < content.size(); ++i) {
        Result<ContentPart> part = decodeBlock(content.at(i), QString());
        if (part)
            response.content << part.value();
    }
    response.finishReason = parseStopReason(body.value(key("stop_reason")).toString());
    response.stopSequence = body.value(key("stop_sequence")).toString();
    if (body.value(key("usage")).isObject()) {
        readUsage(body.value(key("usage")).toObject(), response.usage);
        response.usageReported = true;
    }
    return response;
}

QByteArray encodeResponse(const ChatResponse &response) {
    QList<QByteArray> blocks;
    bool hasToolCall = false;
    for (const ContentPart &part : response.content) {
        const QByteArray block = encodeResponseBlock(part);
        if (!block.isEmpty())
            blocks << block;
        hasToolCall = hasToolCall || part.kind == ContentPart::Kind::ToolCall;
    }

    // A tool call must end the turn with tool_use, or clients do not run the tool, even when
    // the upstream sent stop.
    const FinishReason finish = hasToolCall ? FinishReason::ToolUse : response.finishReason;
    OrderedJson body;
    body.add("id", messageId(response.id))
        .add("type", QStringLiteral("message"))
        .add("role", QStringLiteral("assistant"))
        .add("model", response.model)
        .addRaw("content", jsonArray(blocks))
        .add("stop_reason", stopReasonName(finish).isEmpty() ? QJsonValue(QJsonValue::Null)
                                                             : QJsonValue(stopReasonName(finish)));
    if (response.stopSequence.isEmpty())
        body.addNull("stop_sequence");
    else
        body.add("stop_sequence", response.stopSequence);
    body.addRaw("usage", usageJson(response.usage));
    return body.toJson();
}

QString messageId(const QString &upstreamId) {
    const QLatin1String anthropicPrefix("msg_");
    QStringView rest = upstreamId;
    for (const QLatin1String prefix : {QLatin1String("chatcmpl-"), anthropicPrefix}) {
        if (rest.startsWith(prefix))
            rest = rest.sliced(prefix.size());
    }

    QString id = anthropicPrefix;
    for (const QChar c : rest) {
        if (id.size() - anthropicPrefix.size() >= kMaxMessageIdSuffix)
            break;
        const char16_t unit = c.unicode();
        const bool allowed = (unit >= u'a' && unit <= u'z') || (unit >= u'A' && unit <= u'Z') ||
                             (unit >= u'0' && unit <= u'9') || unit == u'_';
        if (allowed)
            id += c;
    }
    if (id.size() == anthropicPrefix.size())
        id += QUuid::createUuid().toString(QUuid::Id128);
    return id;
}

QByteArray usageJson(const Usage &usage) {
    return OrderedJson()
        .add("input_tokens", usage.uncachedInputTokens())
        .add("cache_creation_input_tokens", usage.cacheWriteTokens)
        .add("cache_read_input_tokens", usage.cachedTokens)
        .add("output_tokens", usage.outputTokens)
        .toJson();
}

void readUsage(const QJsonObject &object, Usage &usage) {
    // Anthropic's input_tokens leaves out cache reads and writes; the canonical count has them.
    const auto field = [&object](const char *name, qint64 current) {
        const QJsonValue value = object.value(key(name));
        return value.isDouble() ? value.toInteger() : current;
    };
    const qint64 uncached = field("input_tokens", usage.uncachedInputTokens());
    usage.cachedTokens = field("cache_read_input_tokens", usage.cachedTokens);
    usage.cacheWriteTokens = field("cache_creation_input_tokens", usage.cacheWriteTokens);
    usage.inputTokens = uncached + usage.cachedTokens + usage.cacheWriteTokens;
    usage.outputTokens = field("output_tokens", usage.outputTokens);
}

FinishReason parseStopReason(const QString &reason) {
    if (reason.isEmpty())
        return FinishReason::None;
    if (reason == QLatin1String("end_turn"))
        return FinishReason::Stop;
    if (reason == QLatin1String("stop_sequence"))
        return FinishReason::StopSequence;
    if (reason == QLatin1String("max_tokens") ||
        reason == QLatin1String("model_context_window_exceeded"))
        return FinishReason::Length;
    if (reason == QLatin1String("tool_use"))
        return FinishReason::ToolUse;
    if (reason == QLatin1String("refusal"))
        return FinishReason::ContentFilter;
    return FinishReason::Other;
}

QString stopReasonName(FinishReason reason) {
    switch (reason) {
    case FinishReason::None:
        return {};
    case FinishReason::Stop:
    case FinishReason::Other:
        return QStringLiteral("end_turn");
    case FinishReason::StopSequence:
        return QStringLiteral("stop_sequence");
    case FinishReason::Length:
        return QStringLiteral("max_tokens");
    case FinishReason::ToolUse:
        return QStringLiteral("tool_use");
    case FinishReason::ContentFilter:
        return QStringLiteral("refusal");
    }
    return {};
}

Result<QJsonObject> argumentsObject(const QString &arguments) {
    // Some providers send "" for a tool that takes no arguments.
    if (arguments.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(arguments.toUtf8(), &parseError);
    if (!document.isObject())
        return Error{QStringLiteral("tool call arguments are not a JSON object (%1): %2")
                         .arg(parseError.errorString(), arguments.left(200))};
    return document.object();
}

} // namespace signalbox::anthropiccodec
