// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArrayView>
#include <QVarLengthArray>

#include <initializer_list>
#include <optional>

// Reads the top-level members of a JSON object without building a QJsonObject, for the hot path
// where only one or two fields of a large body matter.
namespace signalbox::jsonscan {

// The bytes of one member's value within the scanned text.
struct ValueSpan {
    qsizetype offset = -1; // -1 when the member is absent
    qsizetype length = 0;

    bool found() const { return offset >= 0; }
    QByteArrayView in(QByteArrayView json) const { return json.sliced(offset, length); }
};

// The result of a scan: one span per requested key, in the order of the keys.
struct ObjectScan {
    QVarLengthArray<ValueSpan, 4> values;
    qsizetype closingBrace = -1; // offset of the object's final '}'
};

// Nesting deeper than this makes the scan give up, and the caller parses the text fully.
constexpr int kMaxDepth = 256;

// Scans a JSON text that must be one object and returns where the values of the keys are.
// The scan validates the whole text: RFC 8259 grammar, UTF-8, escapes, surrogate pairs.
// It returns nothing when the text is invalid or when the scan cannot decide cheaply. The cases
// it leaves undecided are a key with an escape sequence, a requested key that occurs twice,
// nesting over kMaxDepth, a lone surrogate escape and a very long number. The caller then parses
// the text fully, so "nothing" never means "invalid" on its own.
std::optional<ObjectScan> scanObject(QByteArrayView json,
                                     std::initializer_list<QByteArrayView> keys);

// Returns the offset of the first raw control character (below 0x20) inside a string of a JSON
// text, or nothing when there is none. RFC 8259 requires these characters to be escaped, but
// QJsonDocument (Qt 6.4) accepts them, so a body it parsed is checked with this as well. Outside
// strings only the grammar's whitespace may occur, which the parser itself checks.
std::optional<qsizetype> findRawControlCharacter(QByteArrayView json);

} // namespace signalbox::jsonscan
