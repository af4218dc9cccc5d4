// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "tokens.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace signalbox {

namespace {

bool isCjk(char32_t c) {
    return (c >= 0x3000 && c <= 0x303F)     // CJK punctuation
           || (c >= 0x3040 && c <= 0x30FF)  // Hiragana, Katakana
           || (c >= 0x3400 && c <= 0x4DBF)  // CJK extension A
           || (c >= 0x4E00 && c <= 0x9FFF)  // CJK unified ideographs
           || (c >= 0xAC00 && c <= 0xD7AF)  // Hangul syllables
           || (c >= 0xF900 && c <= 0xFAFF)  // CJK compatibility ideographs
           || (c >= 0xFF00 && c <= 0xFFEF); // full-width forms
}

// Every message costs a few tokens of framing on top of its text.
constexpr qint64 kTokensPerMessage = 4;
// A rough price of an image in tokens: a mid-size image at "auto" detail.
constexpr qint64 kTokensPerImage = 765;
// Letters per token of a long word, and digits per token of a number (cl100k splits digit runs
// into groups of up to three).
constexpr qsizetype kWordCharsPerToken = 6;
constexpr qsizetype kDigitsPerToken = 3;

qint64 estimateContentTokens(const QJsonValue &content, bool *hasImages) {
    if (content.isString())
        return estimateTokens(content.toString());

    qint64 tokens = 0;
    const QJsonArray parts = content.toArray();
    for (const QJsonValue &part : parts) {
        const QJsonObject object = part.toObject();
        const QString type = object.value(QLatin1String("type")).toString();
        if (type == QLatin1String("image_url")) {
            *hasImages = true;
            tokens += kTokensPerImage;
        } else {
            tokens += estimateTokens(object.value(QLatin1String("text")).toString());
        }
    }
    return tokens;
}

qint64 estimateToolCallTokens(const QJsonArray &toolCalls) {
    qint64 tokens = 0;
    for (const QJsonValue &call : toolCalls) {
        const QJsonObject function = call.toObject().value(QLatin1String("function")).toObject();
        tokens += estimateTokens(function.value(QLatin1String("name")).toString());
        tokens += estimateTokens(function.value(QLatin1String("arguments")).toString());
    }
    return tokens;
}

} // namespace

qint64 estimateTokens(QStringView text) {
    // BPE tokenizers such as cl100k and o200k give a common word, with its leading space, one
    // token and split long words and digit runs; symbols rarely merge beyond pairs, and a newline
    // or an indentation run is a token of its own. Counting those units tracks code, whose
    // symbols make it denser than prose, better than a flat characters-per-token rate.
    qint64 tokens = 0;
    qsizetype wordLength = 0; // letters of the current word, non-ASCII ones counted twice
    qsizetype digitRun = 0;
    qsizetype symbolRun = 0;
    qsizetype spaceRun = 0;
    const auto endWord = [&] {
        if (wordLength > 0)
            tokens += 1 + (wordLength - 1) / kWordCharsPerToken;
        if (digitRun > 0)
            tokens += 1 + (digitRun - 1) / kDigitsPerToken;
        if (symbolRun > 0)
            tokens += (symbolRun + 1) / 2;
        wordLength = digitRun = symbolRun = 0;
    };

    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text[i].unicode();
        if (c == u' ' || c == u'\t') {
            endWord();
            ++spaceRun;
            continue;
        }
        if (spaceRun > 1)
            ++tokens; // indentation or alignment; a single space joins the next word
        spaceRun = 0;

        if (c < 0x80) {
            if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_') {
                if (digitRun > 0 || symbolRun > 0)
                    endWord();
                ++wordLength;
            } else if (c >= u'0' && c <= u'9') {
                if (symbolRun > 0)
                    endWord();
                ++digitRun;
            } else if (c == u'\n' || c == u'\r') {
                endWord();
                if (c == u'\n')
                    ++tokens;
            } else {
                if (wordLength > 0 || digitRun > 0)
                    endWord();
                ++symbolRun;
            }
            continue;
        }

        if (QChar::isHighSurrogate(c) && i + 1 < size && text[i + 1].isLowSurrogate()) {
            const char32_t code = QChar::surrogateToUcs4(c, text[i + 1].unicode());
            ++i;
            endWord();
            // Supplementary ideographs cost about one token, emoji and other symbols about two.
            tokens += (isCjk(code) || (code >= 0x20000 && code <= 0x3134F)) ? 1 : 2;
            continue;
        }
        if (isCjk(c)) {
            endWord();
            ++tokens;
            continue;
        }
        if (QChar::isLetterOrNumber(c)) {
            // Accented Latin, Cyrillic and Greek letters split into more tokens than ASCII ones.
            if (digitRun > 0 || symbolRun > 0)
                endWord();
            wordLength += 2;
            continue;
        }
        if (wordLength > 0 || digitRun > 0)
            endWord();
        ++symbolRun;
    }
    endWord();
    return tokens;
}

ChatRequestFeatures analyzeChatRequest(const QJsonObject &body) {
    ChatRequestFeatures features;
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    features.turns = int(messages.size());

    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        features.estimatedInputTokens += kTokensPerMessage;
        features.estimatedInputTokens +=
            estimateContentTokens(message.value(QLatin1String("content")), &features.hasImages);
        features.estimatedInputTokens +=
            estimateToolCallTokens(message.value(QLatin1String("tool_calls")).toArray());
    }

    const QJsonArray tools = body.value(QLatin1String("tools")).toArray();
    features.usesTools = !tools.isEmpty();
    for (const QJsonValue &tool : tools)
        features.estimatedInputTokens += estimateTokens(
            QString::fromUtf8(QJsonDocument(tool.toObject()).toJson(QJsonDocument::Compact)));

    const QString format = body.value(QLatin1String("response_format"))
                               .toObject()
                               .value(QLatin1String("type"))
                               .toString();
    features.wantsJson =
        format == QLatin1String("json_object") || format == QLatin1String("json_schema");

    // max_completion_tokens replaces the deprecated max_tokens; honour whichever is set.
    const QJsonValue maxCompletion = body.value(QLatin1String("max_completion_tokens"));
    const QJsonValue maxTokens = body.value(QLatin1String("max_tokens"));
    // toInteger() returns 0 for a value that is not a whole number within qint64, such as 1e300,
    // whose conversion to qint64 would be undefined.
    features.requestedMaxOutputTokens =
        maxCompletion.isDouble() ? maxCompletion.toInteger() : maxTokens.toInteger();

    features.stream = body.value(QLatin1String("stream")).toBool(false);
    features.includeUsage = body.value(QLatin1String("stream_options"))
                                .toObject()
                                .value(QLatin1String("include_usage"))
                                .toBool(false);
    return features;
}

namespace {

qint64 estimatePartTokens(const ContentPart &part, bool *hasImages) {
    switch (part.kind) {
    case ContentPart::Kind::Text:
    case ContentPart::Kind::Thinking:
        return estimateTokens(part.text);
    case ContentPart::Kind::RedactedThinking:
        return 0;
    case ContentPart::Kind::Image:
        *hasImages = true;
        return kTokensPerImage;
    case ContentPart::Kind::ToolCall:
        return estimateTokens(part.name) + estimateTokens(part.arguments);
    case ContentPart::Kind::ToolResult: {
        qint64 tokens = 0;
        for (const ContentPart &inner : part.result)
            tokens += estimatePartTokens(inner, hasImages);
        return tokens;
    }
    }
    return 0;
}

} // namespace

ChatRequestFeatures analyzeChatRequest(const ChatRequest &request) {
    ChatRequestFeatures features;
    features.turns = int(request.messages.size() + request.system.size());
    for (const QString &system : request.system)
        features.estimatedInputTokens += kTokensPerMessage + estimateTokens(system);
    for (const ChatMessage &message : request.messages) {
        features.estimatedInputTokens += kTokensPerMessage;
        for (const ContentPart &part : message.parts)
            features.estimatedInputTokens += estimatePartTokens(part, &features.hasImages);
    }

    features.usesTools = !request.tools.isEmpty();
    for (const ToolDefinition &tool : request.tools) {
        const QJsonObject schema{{QLatin1String("name"), tool.name},
                                 {QLatin1String("description"), tool.description},
                                 {QLatin1String("parameters"), tool.parameters}};
        features.estimatedInputTokens +=
            estimateTokens(QString::fromUtf8(QJsonDocument(schema).toJson(QJsonDocument::Compact)));
    }
    features.wantsJson = request.jsonOutput;
    features.requestedMaxOutputTokens = request.maxTokens;
    features.stream = request.stream;
    features.includeUsage = request.includeUsage;
    return features;
}

} // namespace signalbox
