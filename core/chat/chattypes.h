// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/usage.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// The canonical chat types: one request, response and stream event model that every wire format
// is translated to and from. They know no wire format; the codecs in providers/ do.
namespace signalbox {

// The wire formats Signalbox speaks, to clients and to upstreams.
enum class WireFormat { OpenAiChat, AnthropicMessages, Gemini };

// Returns "openai", "anthropic" or "gemini", for logs and traces.
QString wireFormatName(WireFormat format);

enum class ChatRole { User, Assistant };

// An image: inline base64 data with its media type, or a URL.
struct ImageSource {
    QString mediaType; // e.g. image/png; may be empty for a URL
    QString data;      // base64 text without the data: prefix; empty for a URL
    QString url;       // an http(s) URL when the image is not inline
    QString detail;    // OpenAI's detail hint (auto, low, high); empty when unset

    bool isInline() const { return !data.isEmpty(); }
};

// One part of a message.
struct ContentPart {
    enum class Kind { Text, Image, ToolCall, ToolResult, Thinking, RedactedThinking };

    Kind kind = Kind::Text;
    QString text;      // Text and Thinking; the opaque data of RedactedThinking
    QString signature; // Thinking: the provider's signature, empty when none was given
    ImageSource image; // Image
    QString id;        // ToolCall: the call id; ToolResult: the id of the call it answers
    QString name;      // ToolCall: the tool name
    QString arguments; // ToolCall: the arguments as JSON text, possibly empty
    std::vector<ContentPart> result; // ToolResult: its text and image parts
    bool isError = false;            // ToolResult: the tool failed

    static ContentPart makeText(const QString &text);
    static ContentPart makeThinking(const QString &text, const QString &signature = {});
    static ContentPart makeImage(const ImageSource &image);
    static ContentPart makeToolCall(const QString &id, const QString &name,
                                    const QString &arguments);
    static ContentPart makeToolResult(const QString &callId, std::vector<ContentPart> result,
                                      bool isError = false);

    // Returns the text of a ToolResult's text parts, joined by newlines.
    QString resultText() const;
};

struct ChatMessage {
    ChatRole role = ChatRole::User;
    QList<ContentPart> parts;
};

struct ToolDefinition {
    QString name;
    QString description;
    QJsonObject parameters; // a JSON Schema object
};

struct ToolChoice {
    enum class Mode { Unset, Auto, Any, None, Tool };

    Mode mode = Mode::Unset;
    QString name; // Tool: the tool that must be called
};

struct ChatRequest {
    QString model;
    QStringList system; // system and developer instructions, in order
    QList<ChatMessage> messages;
    QList<ToolDefinition> tools;
    ToolChoice toolChoice;
    std::optional<bool> parallelToolCalls;
    qint64 maxTokens = 0; // 0 when the request sets no limit
    QStringList stopSequences;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> topK;
    qint64 thinkingBudget = 0; // Anthropic's thinking.budget_tokens; 0 when thinking is off
    QString reasoningEffort;   // OpenAI's reasoning_effort; empty when unset
    bool jsonOutput = false;   // the client asked for a JSON object as the answer
    QString user;              // an end-user id for the provider's abuse checks
    bool stream = false;
    bool includeUsage = false; // OpenAI stream_options.include_usage
};

// Why an answer ended, independent of the wire format.
enum class FinishReason { None, Stop, StopSequence, Length, ToolUse, ContentFilter, Other };

struct ChatResponse {
    QString id;
    QString model;
    QList<ContentPart> content; // Text, Thinking, RedactedThinking and ToolCall parts
    FinishReason finishReason = FinishReason::None;
    QString stopSequence; // the stop sequence that ended the answer, if any
    Usage usage;
    bool usageReported = false;
};

// One step of a streamed answer. Tool calls are numbered by `index` in the order they start,
// counting tool calls only, whatever blocks come between them.
struct StreamEvent {
    enum class Kind {
        MessageStart,       // id and name (the model) of the answer
        TextDelta,          // text
        ThinkingDelta,      // text
        SignatureDelta,     // text: the signature of the thinking just streamed
        ToolCallStart,      // index, id, name
        ToolArgumentsDelta, // index, text: a piece of the arguments' JSON
        Finish,             // finishReason, stopSequence
        Usage,              // usage: the counts so far, replacing earlier ones
    };

    Kind kind = Kind::TextDelta;
    int index = 0;
    QString id;
    QString name;
    QString text;
    FinishReason finishReason = FinishReason::None;
    QString stopSequence;
    Usage usage;
};

} // namespace signalbox
