// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "fakes/fakehttp.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

class QTcpServer;

namespace signalbox {

// What the fake Gemini upstream answers to the next generateContent requests.
struct FakeGeminiScript {
    QString reply = QStringLiteral("Hello from the fake Gemini upstream.");
    int chunkCount = 3;   // stream events the reply is split into
    int chunkDelayMs = 0; // pause before each stream event
    QByteArray finishReason = "STOP";
    qint64 promptTokens = 30; // promptTokenCount, cached tokens included
    qint64 cachedTokens = 0;  // cachedContentTokenCount
    qint64 candidatesTokens = 10;
    qint64 thoughtsTokens = 0;
    QString thoughts; // thought parts before the reply when not empty

    // A request that offers tools, and whose last content is not a functionResponse, is answered
    // with a functionCall of `toolName` (the first declared function when empty).
    bool callOfferedTools = true;
    QString toolName;
    QByteArray toolArguments = R"({"city":"Paris","unit":"celsius"})";

    // A non-zero errorStatus answers every request with that status and a Google error body.
    int errorStatus = 0;
    QByteArray errorStatusName = "UNAVAILABLE";
    QByteArray errorMessage = "The model is overloaded. Please try again later.";
    QByteArray retryDelay;   // a RetryInfo detail such as "41s" when not empty
    bool invalidKey = false; // 400 INVALID_ARGUMENT with reason API_KEY_INVALID, as Gemini sends
    int dropAfter = -1;      // reply chunks sent before the connection is closed
};

// A fake generativelanguage.googleapis.com on a raw QTcpServer bound to a loopback address. It
// serves POST /v1beta/models/MODEL:generateContent and :streamGenerateContent?alt=sse, with
// stream events framed by CRLF as Google's servers send them, and usageMetadata on every event.
// It records every request and lists them at GET /__fake/requests with the key masked.
class FakeGeminiUpstream : public QObject {
    Q_OBJECT

public:
    explicit FakeGeminiUpstream(QObject *parent = nullptr);
    ~FakeGeminiUpstream() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QString baseUrl() const; // http://127.0.0.1:PORT/v1beta

    FakeGeminiScript &script() { return m_script; }
    const QList<FakeHttpRequest> &requests() const { return m_requests; }
    int disconnects() const { return m_disconnects; }

private:
    void onNewConnection();
    void onRequest(FakeHttpConnection *connection, const FakeHttpRequest &request);
    void answerError(FakeHttpConnection *connection, int status, const QByteArray &statusName,
                     const QByteArray &message, const QByteArray &details);
    void answerStream(FakeHttpConnection *connection, const QList<QByteArray> &events);
    QList<QByteArray> streamEvents(const FakeHttpRequest &request) const;
    QByteArray nonStreamBody(const FakeHttpRequest &request) const;
    QString functionToCall(const FakeHttpRequest &request) const; // empty: answer in text

    QTcpServer *m_server;
    FakeGeminiScript m_script;
    QList<FakeHttpRequest> m_requests;
    int m_disconnects = 0;
    int m_count = 0;
};

} // namespace signalbox
