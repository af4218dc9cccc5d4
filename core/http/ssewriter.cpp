// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/ssewriter.h"

namespace signalbox {

QByteArray sseEvent(const QByteArray &data, const QByteArray &eventName) {
    QByteArray event;
    event.reserve(data.size() + eventName.size() + 16);
    if (!eventName.isEmpty())
        event.append("event: ").append(eventName).append('\n');

    // Providers send one JSON object per event, so the loop usually runs once.
    qsizetype start = 0;
    while (true) {
        const qsizetype newline = data.indexOf('\n', start);
        const qsizetype end = newline < 0 ? data.size() : newline;
        event.append("data: ").append(QByteArrayView(data).sliced(start, end - start)).append('\n');
        if (newline < 0)
            break;
        start = newline + 1;
    }
    event.append('\n');
    return event;
}

} // namespace signalbox
