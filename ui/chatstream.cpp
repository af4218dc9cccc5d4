// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "chatstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace signalbox {

namespace {

// Returns the message of an OpenAI error envelope, or an empty string.
QString errorMessageOf(const QJsonObject &object) {
    return object.value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("message"))
        .toString();
}

} // namespace

ChatStream::ChatStream(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this)) {
}

ChatStream::~ChatStream() {
    abort();
}

void ChatStream::start(const QUrl &endpoint, QJsonObject body) {
    abort();
    body.insert(QLatin1String("stream"), true);
    QUrl url = endpoint;
    url.setPath(QStringLiteral("/v1/chat/completions"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("User-Agent", "signalbox-console-playground");

    m_buffer.clear();
    m_error.clear();
    m_headersSeen = false;
    m_reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ChatStream::onFinished);
}

bool ChatStream::isRunning() const {
    return m_reply != nullptr;
}

void ChatStream::abort() {
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void ChatStream::onReadyRead() {
    if (!m_headersSeen) {
        m_headersSeen = true;
        const QString model = QUrl::fromPercentEncoding(m_reply->rawHeader("x-signalbox-model"));
        emit answered(model, QString::fromLatin1(m_reply->rawHeader("x-signalbox-route")),
                      QString::fromLatin1(m_reply->rawHeader("x-signalbox-request-id")));
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        m_buffer += m_reply->readAll(); // an error body, read whole when the reply finishes
        return;
    }

    m_buffer += m_reply->readAll();
    m_buffer.replace("\r\n", "\n");
    qsizetype end;
    while ((end = m_buffer.indexOf("\n\n")) >= 0) {
        const QByteArray event = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        for (const QByteArray &line : event.split('\n')) {
            if (line.startsWith("data:"))
                handleEvent(line.mid(5).trimmed());
        }
    }
}

void ChatStream::handleEvent(const QByteArray &data) {
    if (data == "[DONE]")
        return;
    const QJsonObject event = QJsonDocument::fromJson(data).object();
    if (const QString message = errorMessageOf(event); !message.isEmpty()) {
        m_error = message;
        return;
    }
    const QJsonArray choices = event.value(QLatin1String("choices")).toArray();
    const QString text = choices.at(0)
                             .toObject()
                             .value(QLatin1String("delta"))
                             .toObject()
                             .value(QLatin1String("content"))
                             .toString();
    if (!text.isEmpty())
        emit textReceived(text);
}

void ChatStream::onFinished() {
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    onReadyRead();
    m_reply = nullptr;
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString error = m_error;
    if (status == 0) {
        error = reply->errorString();
    } else if (status != 200) {
        const QString message = errorMessageOf(QJsonDocument::fromJson(m_buffer).object());
        error =
            tr("HTTP %1: %2").arg(status).arg(message.isEmpty() ? reply->errorString() : message);
    } else if (error.isEmpty() && reply->error() != QNetworkReply::NoError) {
        error = reply->errorString();
    }
    emit finished(error);
}

} // namespace signalbox
