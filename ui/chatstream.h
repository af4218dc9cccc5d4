// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace signalbox {

// Sends one streamed Chat Completions request to the local endpoint, as any client would, and
// reports the answer's text as it arrives.
class ChatStream : public QObject {
    Q_OBJECT

public:
    explicit ChatStream(QObject *parent = nullptr);
    ~ChatStream() override;

    // Posts body with "stream": true to endpoint/v1/chat/completions. Aborts a request in flight.
    void start(const QUrl &endpoint, QJsonObject body);
    void abort();
    bool isRunning() const;

signals:
    // The response headers arrived: the model that produced the response, the route level and
    // the request id under which the ledger records the request.
    void answered(const QString &model, const QString &route, const QString &requestId);
    void textReceived(const QString &text);
    // errorMessage is empty when the response ended normally.
    void finished(const QString &errorMessage);

private:
    void onReadyRead();
    void onFinished();
    void handleEvent(const QByteArray &data);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    QString m_error;
    bool m_headersSeen = false;
};

} // namespace signalbox
