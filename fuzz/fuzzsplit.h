// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArrayView>
#include <QList>

#include <cstddef>
#include <cstdint>

namespace signalbox::fuzz {

// Splits the fuzzer's input into the pieces an incremental parser is fed. The first byte seeds
// the piece sizes (1 to 64 bytes), so the fuzzer explores where reads end as well as what they
// carry. The rest of the input is the payload.
inline QList<QByteArrayView> splitInput(const uint8_t *data, size_t size) {
    QList<QByteArrayView> pieces;
    if (size == 0)
        return pieces;
    uint32_t state = data[0] * 2654435761u + 1;
    const char *payload = reinterpret_cast<const char *>(data + 1);
    qsizetype remaining = qsizetype(size - 1);
    while (remaining > 0) {
        state = state * 1103515245u + 12345u;
        const qsizetype length = qMin<qsizetype>(remaining, 1 + (state >> 16) % 64);
        pieces.append(QByteArrayView(payload, length));
        payload += length;
        remaining -= length;
    }
    return pieces;
}

inline QByteArrayView payloadOf(const uint8_t *data, size_t size) {
    if (size == 0)
        return {};
    return QByteArrayView(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
}

} // namespace signalbox::fuzz
