// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/streamcodec.h"

#include "providers/anthropiccodec.h"
#include "providers/anthropicstream.h"
#include "providers/openaicodec.h"
#include "providers/openaistream.h"

#include <QDateTime>

namespace signalbox {

std::unique_ptr<ClientStreamEncoder> createClientStreamEncoder(WireFormat client, bool includeUsage,
                                                               qint64 created,
                                                               const QString &upstreamModel) {
    if (client == WireFormat::AnthropicMessages)
        return std::make_unique<AnthropicStreamEncoder>(upstreamModel);
    return std::make_unique<OpenAiStreamEncoder>(includeUsage, created, upstreamModel);
}

QByteArray encodeClientResponse(WireFormat client, const ChatResponse &response) {
    if (client == WireFormat::AnthropicMessages)
        return anthropiccodec::encodeResponse(response);
    return openaicodec::encodeResponse(response, QDateTime::currentSecsSinceEpoch());
}

} // namespace signalbox
