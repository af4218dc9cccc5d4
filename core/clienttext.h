// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QString>
#include <QStringView>

namespace signalbox {

// The maximum number of characters of a client's value that an error message quotes.
inline constexpr qsizetype kMaxQuotedChars = 200;

// Returns a value the client sent, cut to kMaxQuotedChars characters and marked with "…" when
// cut, so that an error message quoting it stays short whatever the client sends.
inline QString clippedClientValue(QStringView value) {
    if (value.size() <= kMaxQuotedChars)
        return value.toString();
    qsizetype length = kMaxQuotedChars;
    if (value.at(length - 1).isHighSurrogate())
        --length; // never half of a surrogate pair
    return value.first(length).toString() + QChar(0x2026);
}

} // namespace signalbox
