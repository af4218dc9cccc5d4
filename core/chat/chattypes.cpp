// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "chat/chattypes.h"

namespace signalbox {

QString wireFormatName(WireFormat format) {
    switch (format) {
    case WireFormat::OpenAiChat:
        return QStringLiteral("openai");
    case WireFormat::AnthropicMessages:
        return QStringLiteral("anthropic");
    case WireFormat::Gemini:
        return QStringLiteral("gemini");
    }
    return QStringLiteral("unknown");
}

ContentPart ContentPart::makeText(const QString &text) {
    ContentPart part;
    part.kind = Kind::Text;
    part.text = text;
    return part;
}

ContentPart ContentPart::makeThinking(const QString &text, const QString &signature) {
    ContentPart part;
    part.kind = Kind::Thinking;
    part.text = text;
    part.signature = signature;
    return part;
}

ContentPart ContentPart::makeImage(const ImageSource &image) {
    ContentPart part;
    part.kind = Kind::Image;
    part.image = image;
    return part;
}

ContentPart ContentPart::makeToolCall(const QString &id, const QString &name,
                                      const QString &arguments) {
    ContentPart part;
    part.kind = Kind::ToolCall;
    part.id = id;
    part.name = name;
    part.arguments = arguments;
    return part;
}

ContentPart ContentPart::makeToolResult(const QString &callId, std::vector<ContentPart> result,
                                        bool isError) {
    ContentPart part;
    part.kind = Kind::ToolResult;
    part.id = callId;
    part.result = std::move(result);
    part.isError = isError;
    return part;
}

QString ContentPart::resultText() const {
    QStringList texts;
    for (const ContentPart &part : result) {
        if (part.kind == Kind::Text)
            texts << part.text;
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace signalbox
