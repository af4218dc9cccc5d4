// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>

namespace signalbox {

// Parses a request body that must be a JSON object, or returns the 400 to send for it. `kind`
// names the expected request in the message, e.g. "Chat Completions". A raw control character
// inside a string is rejected with its offset, because RFC 8259 forbids it and QJsonDocument
// (Qt 6.4) accepts it.
std::variant<QJsonObject, ApiError> parseRequestBody(const QByteArray &body, const QString &kind);

// Returns the 400 to send for a member of the wrong type. These are a "model" that is not a
// string, a "stream" that is neither a boolean nor null, and a "max_tokens" or
// "max_completion_tokens" that is neither null nor a whole number of at least 1. OpenAI's API
// rejects them too. A missing "model" passes, because routing then chooses the model.
std::optional<ApiError> checkMemberTypes(const QJsonObject &body);

} // namespace signalbox
