// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace signalbox {

// One server-sent event. Providers that name their events (Anthropic) fill `event`; OpenAI
// streams leave it empty.
struct SseEvent {
    QByteArray event;
    QByteArray data; // the data lines of the event joined with '\n'
};

// An incremental parser for the text/event-stream format. Bytes may be split at any point
// between calls to feed(). Accepts LF, CRLF and CR line endings, ignores comment lines such as
// ": keep-alive" and ignores the id and retry fields.
class SseParser {
public:
    // The default limit on one event: far above any provider's chunk, and low enough that a
    // broken upstream that never ends its line cannot exhaust memory.
    static constexpr qsizetype DefaultMaxEventBytes = 8 * 1024 * 1024;

    explicit SseParser(qsizetype maxEventBytes = DefaultMaxEventBytes)
        : m_maxEventBytes(maxEventBytes) {}

    // Parses the next bytes of the stream and returns the events they complete. Once an
    // unfinished line or event exceeds the limit, the parser drops it, sets overflowed() and
    // ignores the rest of the stream.
    QList<SseEvent> feed(QByteArrayView bytes);

    // True once an event exceeded the size limit.
    bool overflowed() const { return m_overflowed; }

    // Returns the event still open when the stream ended without its closing blank line, if it
    // has data. The format says to drop such an event, but some servers omit the last blank
    // line before closing.
    QList<SseEvent> finish();

private:
    void processLine(QByteArrayView line, QList<SseEvent> &events);
    void dispatch(QList<SseEvent> &events);

    qsizetype m_maxEventBytes;
    bool m_overflowed = false;
    QByteArray m_line;     // the incomplete line carried over from the previous feed()
    bool m_skipLf = false; // the previous feed() ended with CR, so a leading LF ends no line
    SseEvent m_pending;
    bool m_hasData = false;
};

} // namespace signalbox
