// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/sseparser.h"

namespace signalbox {

QList<SseEvent> SseParser::feed(QByteArrayView bytes) {
    QList<SseEvent> events;
    if (m_overflowed)
        return events;
    qsizetype lineStart = 0;
    if (m_skipLf && !bytes.isEmpty() && bytes.front() == '\n')
        lineStart = 1;
    m_skipLf = false;

    for (qsizetype i = lineStart; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c != '\n' && c != '\r')
            continue;

        const QByteArrayView tail = bytes.sliced(lineStart, i - lineStart);
        if (m_line.isEmpty()) {
            processLine(tail, events);
        } else {
            m_line.append(tail);
            processLine(m_line, events);
            m_line.clear();
        }

        // CRLF is one line ending. A CR at the very end may be followed by LF in the next feed.
        if (c == '\r') {
            if (i + 1 < bytes.size()) {
                if (bytes[i + 1] == '\n')
                    ++i;
            } else {
                m_skipLf = true;
            }
        }
        lineStart = i + 1;
    }

    m_line.append(bytes.sliced(lineStart));
    if (m_line.size() > m_maxEventBytes || m_pending.data.size() > m_maxEventBytes) {
        m_overflowed = true;
        m_line = QByteArray();
        m_pending = SseEvent();
        m_hasData = false;
    }
    return events;
}

QList<SseEvent> SseParser::finish() {
    QList<SseEvent> events;
    if (m_overflowed)
        return events;
    if (!m_line.isEmpty()) {
        processLine(m_line, events);
        m_line.clear();
    }
    dispatch(events);
    m_skipLf = false;
    return events;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &events) {
    if (line.isEmpty()) {
        dispatch(events);
        return;
    }
    if (line.front() == ':')
        return;

    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);

    if (field == "data") {
        if (m_hasData)
            m_pending.data.append('\n');
        m_pending.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_pending.event = value.toByteArray();
    }
}

void SseParser::dispatch(QList<SseEvent> &events) {
    // An event without data lines is dropped, as the format requires.
    if (m_hasData)
        events.append(std::move(m_pending));
    m_pending = SseEvent();
    m_hasData = false;
}

} // namespace signalbox
