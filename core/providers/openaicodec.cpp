// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/openaicodec.h"

#include "clienttext.h"
#include "providers/jsonwriter.h"
#include "providers/openaiwire.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace signalbox::openaicodec {

namespace {

QLatin1String key(const char *name) {
    return QLatin1String(name);
}

// Returns the text of a string content or of the text parts of an array content.
QString contentText(const QJsonValue &content) {
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue &part : content.toArray()) {
        const QJsonObject object = part.toObject();
        if (object.value(key("type")).toString() == QLatin1String("text"))
            text += object.value(key("text")).toString();
    }
    return text;
}

Result<QList<ContentPart>> decodeUserContent(const QJsonValue &content, int index) {
    QList<ContentPart> parts;
    if (content.isString()) {
        parts << ContentPart::makeText(content.toString());
        return parts;
    }
    for (const QJsonValue &value : content.toArray()) {
        const QJsonObject part = value.toObject();
        const QString type = part.value(key("type")).toString();
        if (type == QLatin1String("text")) {
            parts << ContentPart::makeText(part.value(key("text")).toString());
        } else if (type == QLatin1String("image_url")) {
            const QJsonObject image = part.value(key("image_url")).toObject();
            ImageSource source = parseImageUrl(image.value(key("url")).toString());
            source.detail = image.value(key("detail")).toString();
            parts << ContentPart::makeImage(source);
        } else {
            return Error{QStringLiteral("messages[%1]: content part type \"%2\" cannot be "
                                        "translated for this model; send text or image_url parts")
                             .arg(index)
                             .arg(clippedClientValue(type))};
        }
    }
    return parts;
}

QList<ContentPart> decodeAssistant(const QJsonObject &message) {
    QList<ContentPart> parts;
    QString reasoning = message.value(key("reasoning_content")).toString();
    if (reasoning.isEmpty())
        reasoning = message.value(key("reasoning")).toString();
    if (!reasoning.isEmpty())
        parts << ContentPart::makeThinking(reasoning);

    const QString text = contentText(message.value(key("content")));
    if (!text.isEmpty())
        parts << ContentPart::makeText(text);

    for (const QJsonValue &value : message.value(key("tool_calls")).toArray()) {
        const QJsonObject call = value.toObject();
        const QJsonObject function = call.value(key("function")).toObject();
        parts << ContentPart::makeToolCall(call.value(key("id")).toString(),
                                           function.value(key("name")).toString(),
                                           function.value(key("arguments")).toString());
    }
    return parts;
}

// Appends a tool result to the user message that contains the results of the previous tool
// messages, or starts one.
void appendToolResult(ChatRequest &request, const QJsonObject &message) {
    std::vector<ContentPart> result;
    const QJsonValue content = message.value(key("content"));
    if (content.isString()) {
        result.push_back(ContentPart::makeText(content.toString()));
    } else {
        for (const QJsonValue &part : content.toArray())
            result.push_back(ContentPart::makeText(part.toObject().value(key("text")).toString()));
    }
    const ContentPart part =
        ContentPart::makeToolResult(message.value(key("tool_call_id")).toString(), result);

    if (!request.messages.isEmpty()) {
        ChatMessage &last = request.messages.last();
        const bool onlyResults =
            last.role == ChatRole::User &&
            std::all_of(last.parts.cbegin(), last.parts.cend(), [](const ContentPart &p) {
                return p.kind == ContentPart::Kind::ToolResult;
            });
        if (onlyResults && !last.parts.isEmpty()) {
            last.parts << part;
            return;
        }
    }
    request.messages << ChatMessage{ChatRole::User, {part}};
}

Status decodeMessages(const QJsonArray &messages, ChatRequest &request) {
    for (int i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value(key("role")).toString();
        if (role == QLatin1String("system") || role == QLatin1String("developer")) {
            const QString text = contentText(message.value(key("content")));
            if (!text.isEmpty())
                request.system << text;
        } else if (role == QLatin1String("user")) {
            Result<QList<ContentPart>> parts = decodeUserContent(message.value(key("content")), i);
            if (!parts)
                return Error{parts.error()};
            request.messages << ChatMessage{ChatRole::User, parts.value()};
        } else if (role == QLatin1String("assistant")) {
            request.messages << ChatMessage{ChatRole::Assistant, decodeAssistant(message)};
        } else if (role == QLatin1String("tool")) {
            appendToolResult(request, message);
        } else {
            return Error{QStringLiteral("messages[%1]: role \"%2\" cannot be translated for this "
                                        "model; use system, developer, user, assistant or tool")
                             .arg(i)
                             .arg(clippedClientValue(role))};
        }
    }
    return Ok{};
}

void decodeTools(const QJsonObject &body, ChatRequest &request) {
    for (const QJsonValue &value : body.value(key("tools")).toArray()) {
        const QJsonObject function = value.toObject().value(key("function")).toObject();
        request.tools << ToolDefinition{function.value(key("name")).toString(),
                                        function.value(key("description")).toString(),
                                        function.value(key("parameters")).toObject()};
    }

    const QJsonValue choice = body.value(key("tool_choice"));
    const QString mode = choice.toString();
    if (mode == QLatin1String("auto"))
        request.toolChoice.mode = ToolChoice::Mode::Auto;
    else if (mode == QLatin1String("required"))
        request.toolChoice.mode = ToolChoice::Mode::Any;
    else if (mode == QLatin1String("none"))
        request.toolChoice.mode = ToolChoice::Mode::None;
    else if (choice.isObject())
        request.toolChoice = {
            ToolChoice::Mode::Tool,
            choice.toObject().value(key("function")).toObject().value(key("name")).toString()};

    const QJsonValue parallel = body.value(key("parallel_tool_calls"));
    if (parallel.isBool())
        request.parallelToolCalls = parallel.toBool();
}

void decodeSampling(const QJsonObject &body, ChatRequest &request) {
    const QJsonValue maxCompletion = body.value(key("max_completion_tokens"));
    const QJsonValue maxTokens = body.value(key("max_tokens"));
    request.maxTokens =
        maxCompletion.isDouble() ? maxCompletion.toInteger() : maxTokens.toInteger();

    const QJsonValue stop = body.value(key("stop"));
    if (stop.isString())
        request.stopSequences << stop.toString();
    for (const QJsonValue &value : stop.toArray())
        request.stopSequences << value.toString();

    if (body.value(key("temperature")).isDouble())
        request.temperature = body.value(key("temperature")).toDouble();
    if (body.value(key("top_p")).isDouble())
        request.topP = body.value(key("top_p")).toDouble();
    request.reasoningEffort = body.value(key("reasoning_effort")).toString();
    const QString format =
        body.value(key("response_format")).toObject().value(key("type")).toString();
    request.jsonOutput =
        format == QLatin1String("json_object") || format == QLatin1String("json_schema");
    request.user = body.value(key("user")).toString();
}

QJsonValue encodeUserContent(const QList<ContentPart> &parts) {
    if (parts.size() == 1 && parts.first().kind == ContentPart::Kind::Text)
        return parts.first().text;
    QJsonArray content;
    for (const ContentPart &part : parts) {
        if (part.kind == ContentPart::Kind::Text) {
            content.append(QJsonObject{{key("type"), key("text")}, {key("text"), part.text}});
        } else if (part.kind == ContentPart::Kind::Image) {
            QJsonObject image{{key("url"), imageUrl(part.image)}};
            if (!part.image.detail.isEmpty())
                image.insert(key("detail"), part.image.detail);
            content.append(QJsonObject{{key("type"), key("image_url")}, {key("image_url"), image}});
        }
    }
    return content;
}

void encodeUserMessage(const ChatMessage &message, QJsonArray &out) {
    QList<ContentPart> rest;
    for (const ContentPart &part : message.parts) {
        if (part.kind != ContentPart::Kind::ToolResult) {
            rest << part;
            continue;
        }
        // NOTE: OpenAI tool messages carry text only, so images in a tool result are dropped.
        out.append(QJsonObject{{key("role"), key("tool")},
                               {key("tool_call_id"), part.id},
                               {key("content"), part.resultText()}});
    }
    if (!rest.isEmpty())
        out.append(
            QJsonObject{{key("role"), key("user")}, {key("content"), encodeUserContent(rest)}});
}

void encodeAssistantMessage(const ChatMessage &message, QJsonArray &out) {
    QString text;
    QJsonArray toolCalls;
    for (const ContentPart &part : message.parts) {
        if (part.kind == ContentPart::Kind::Text) {
            text += part.text;
        } else if (part.kind == ContentPart::Kind::ToolCall) {
            toolCalls.append(QJsonObject{
                {key("id"), part.id},
                {key("type"), key("function")},
                {key("function"),
                 QJsonObject{{key("name"), part.name},
                             {key("arguments"),
                              part.arguments.isEmpty() ? QStringLiteral("{}") : part.arguments}}}});
        }
    }
    QJsonObject encoded{{key("role"), key("assistant")}};
    encoded.insert(key("content"), text.isEmpty() && !toolCalls.isEmpty()
                                       ? QJsonValue(QJsonValue::Null)
                                       : QJsonValue(text));
    if (!toolCalls.isEmpty())
        encoded.insert(key("tool_calls"), toolCalls);
    out.append(encoded);
}

QJsonValue encodeToolChoice(const ToolChoice &choice) {
    switch (choice.mode) {
    case ToolChoice::Mode::Auto:
        return QStringLiteral("auto");
    case ToolChoice::Mode::Any:
        return QStringLiteral("required");
    case ToolChoice::Mode::None:
        return QStringLiteral("none");
    case ToolChoice::Mode::Tool:
        return QJsonObject{{key("type"), key("function")},
                           {key("function"), QJsonObject{{key("name"), choice.name}}}};
    case ToolChoice::Mode::Unset:
        break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

void encodeOptions(const ChatRequest &request, MaxTokensField maxTokensField, QJsonObject &body) {
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolDefinition &tool : request.tools) {
            QJsonObject function{{key("name"), tool.name}, {key("parameters"), tool.parameters}};
            if (!tool.description.isEmpty())
                function.insert(key("description"), tool.description);
            tools.append(QJsonObject{{key("type"), key("function")}, {key("function"), function}});
        }
        body.insert(key("tools"), tools);
    }
    const QJsonValue choice = encodeToolChoice(request.toolChoice);
    if (!choice.isUndefined())
        body.insert(key("tool_choice"), choice);
    if (request.parallelToolCalls && !request.tools.isEmpty())
        body.insert(key("parallel_tool_calls"), *request.parallelToolCalls);
    if (request.maxTokens > 0)
        body.insert(maxTokensField == MaxTokensField::MaxCompletionTokens
                        ? key("max_completion_tokens")
                        : key("max_tokens"),
                    request.maxTokens);
    if (!request.stopSequences.isEmpty())
        body.insert(key("stop"), QJsonArray::fromStringList(request.stopSequences));
    if (request.temperature)
        body.insert(key("temperature"), *request.temperature);
    if (request.topP)
        body.insert(key("top_p"), *request.topP);
    if (!request.reasoningEffort.isEmpty())
        body.insert(key("reasoning_effort"), request.reasoningEffort);
    if (request.jsonOutput)
        body.insert(key("response_format"), QJsonObject{{key("type"), key("json_object")}});
    if (!request.user.isEmpty())
        body.insert(key("user"), request.user);
}

QByteArray toolCallsJson(const QList<ContentPart> &content) {
    QList<QByteArray> calls;
    for (const ContentPart &part : content) {
        if (part.kind != ContentPart::Kind::ToolCall)
            continue;
        OrderedJson function;
        function.add("name", part.name)
            .add("arguments", part.arguments.isEmpty() ? QStringLiteral("{}") : part.arguments);
        calls << OrderedJson()
                     .add("id", part.id)
                     .add("type", QStringLiteral("function"))
                     .add("function", function)
                     .toJson();
    }
    return calls.isEmpty() ? QByteArray() : jsonArray(calls);
}

} // namespace

Result<ChatRequest> decodeRequest(const QJsonObject &body) {
    ChatRequest request;
    request.model = body.value(key("model")).toString();
    if (Status messages = decodeMessages(body.value(key("messages")).toArray(), request); !messages)
        return Error{messages.error()};
    decodeTools(body, request);
    decodeSampling(body, request);
    request.stream = body.value(key("stream")).toBool(false);
    request.includeUsage =
        body.value(key("stream_options")).toObject().value(key("include_usage")).toBool(false);
    return request;
}

QJsonObject encodeRequest(const ChatRequest &request, const QString &upstreamModel,
                          MaxTokensField maxTokensField) {
    QJsonArray messages;
    for (const QString &system : request.system)
        messages.append(QJsonObject{{key("role"), key("system")}, {key("content"), system}});
    for (const ChatMessage &message : request.messages) {
        if (message.role == ChatRole::User)
            encodeUserMessage(message, messages);
        else
            encodeAssistantMessage(message, messages);
    }

    QJsonObject body{{key("model"), upstreamModel}, {key("messages"), messages}};
    encodeOptions(request, maxTokensField, body);
    if (request.stream) {
        body.insert(key("stream"), true);
        body.insert(key("stream_options"), QJsonObject{{key("include_usage"), true}});
    }
    return body;
}

ChatResponse decodeResponse(const QJsonObject &body) {
    ChatResponse response;
    response.id = body.value(key("id")).toString();
    response.model = body.value(key("model")).toString();
    const QJsonObject choice = body.value(key("choices")).toArray().at(0).toObject();
    response.content = decodeAssistant(choice.value(key("message")).toObject());
    response.finishReason = parseFinishReason(choice.value(key("finish_reason")).toString());
    if (const std::optional<Usage> usage = openaiwire::parseUsage(body)) {
        response.usage = *usage;
        response.usageReported = true;
    }
    return response;
}

QByteArray encodeResponse(const ChatResponse &response, qint64 created) {
    QString text;
    QString thinking;
    for (const ContentPart &part : response.content) {
        if (part.kind == ContentPart::Kind::Text)
            text += part.text;
        else if (part.kind == ContentPart::Kind::Thinking)
            thinking += part.text;
    }
    const QByteArray toolCalls = toolCallsJson(response.content);

    OrderedJson message;
    message.add("role", QStringLiteral("assistant"));
    if (text.isEmpty() && !toolCalls.isEmpty())
        message.addNull("content");
    else
        message.add("content", text);
    if (!thinking.isEmpty())
        message.add("reasoning_content", thinking);
    if (!toolCalls.isEmpty())
        message.addRaw("tool_calls", toolCalls);
    message.addNull("refusal");

    OrderedJson choice;
    choice.add("index", 0).add("message", message).addNull("logprobs");
    const QString finish = finishReasonName(response.finishReason);
    if (finish.isEmpty())
        choice.addNull("finish_reason");
    else
        choice.add("finish_reason", finish);

    OrderedJson body;
    body.add("id", response.id)
        .add("object", QStringLiteral("chat.completion"))
        .add("created", created)
        .add("model", response.model)
        .addRaw("choices", jsonArray({choice.toJson()}))
        .addRaw("usage", usageJson(response.usage));
    return body.toJson();
}

QByteArray usageJson(const Usage &usage) {
    OrderedJson promptDetails;
    promptDetails.add("cached_tokens", usage.cachedTokens);
    if (usage.cacheWriteTokens > 0)
        promptDetails.add("cache_write_tokens", usage.cacheWriteTokens);
    OrderedJson completionDetails;
    completionDetails.add("reasoning_tokens", usage.reasoningTokens);

    return OrderedJson()
        .add("prompt_tokens", usage.inputTokens)
        .add("completion_tokens", usage.outputTokens)
        .add("total_tokens", usage.inputTokens + usage.outputTokens)
        .add("prompt_tokens_details", promptDetails)
        .add("completion_tokens_details", completionDetails)
        .toJson();
}

FinishReason parseFinishReason(const QString &reason) {
    if (reason.isEmpty())
        return FinishReason::None;
    if (reason == QLatin1String("stop"))
        return FinishReason::Stop;
    if (reason == QLatin1String("length"))
        return FinishReason::Length;
    if (reason == QLatin1String("tool_calls") || reason == QLatin1String("function_call"))
        return FinishReason::ToolUse;
    if (reason == QLatin1String("content_filter"))
        return FinishReason::ContentFilter;
    return FinishReason::Other;
}

QString finishReasonName(FinishReason reason) {
    switch (reason) {
    case FinishReason::None:
        return {};
    case FinishReason::Stop:
    case FinishReason::StopSequence:
    case FinishReason::Other:
        return QStringLiteral("stop");
    case FinishReason::Length:
        return QStringLiteral("length");
    case FinishReason::ToolUse:
        return QStringLiteral("tool_calls");
    case FinishReason::ContentFilter:
        return QStringLiteral("content_filter");
    }
    return {};
}

ImageSource parseImageUrl(const QString &url) {
    ImageSource image;
    // data:<media type>;base64,<data>
    const qsizetype comma = url.indexOf(QLatin1Char(','));
    if (url.startsWith(QLatin1String("data:")) && comma > 0 &&
        url.left(comma).endsWith(QLatin1String(";base64"))) {
        image.mediaType = url.mid(5, comma - 5 - 7);
        image.data = url.mid(comma + 1);
        return image;
    }
    image.url = url;
    return image;
}

QString imageUrl(const ImageSource &image) {
    if (!image.isInline())
        return image.url;
    return QStringLiteral("data:%1;base64,%2").arg(image.mediaType, image.data);
}

} // namespace signalbox::openaicodec
