// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/sseparser.h"
#include "providers/upstreamcall.h"

#include <QElapsedTimer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace signalbox {

// A call to an upstream that speaks OpenAI Chat Completions: OpenAI itself and the
// OpenAI-compatible providers (Mistral, Groq, DeepSeek, xAI, OpenRouter, vLLM and others).
// Streams are forwarded chunk by chunk as they are read, with usage picked from whichever
// chunk carries it.
class OpenAiCall : public UpstreamCall {
    Q_OBJECT

public:
    OpenAiCall(UpstreamRequest request, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~OpenAiCall() override;

    void start() override;
    void abort() override;

private:
    enum class Phase { Connect, FirstByte, Idle };

    QNetworkRequest buildNetworkRequest(const QUrl &url) const;
    void connectReply();
    void armTimer(Phase phase);
    void onTimeout();
    void onReadyRead();
    void onFirstRead();
    void onReplyFinished();

    void feedStream(QByteArrayView bytes);
    bool handleChunk(const QByteArray &data); // returns false once the call has finished
    bool checkChunkForError(const QByteArray &data, bool firstChunk);

    void finishStream();
    void finishBody();
    void finishNetworkError();
    void finishWith(UpstreamError error);
    void finishOk();

    UpstreamRequest m_request;
    QNetworkAccessManager *m_network = nullptr;
    QNetworkReply *m_reply = nullptr;
    QTimer m_timer;
    Phase m_phase = Phase::Connect;
    QElapsedTimer m_clock;

    SseParser m_parser;
    QByteArray m_body; // the whole body of a non-stream reply or of an HTTP error
    UpstreamResult m_result;
    bool m_gotFirstRead = false;
    bool m_eventStream = false; // the reply is a 2xx text/event-stream
    bool m_streamStarted = false;
    bool m_finished = false;
};

} // namespace signalbox
