// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/modellisting.h"

#include "logging.h"
#include "providers/openaiwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace signalbox {

QUrl modelListUrl(const ProviderConfig &provider) {
    QString base = provider.baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (provider.kind == QLatin1String("anthropic") && !base.endsWith(QLatin1String("/v1")))
        base += QStringLiteral("/v1");
    return QUrl(base + QStringLiteral("/models"), QUrl::StrictMode);
}

QStringList parseModelList(const QByteArray &body) {
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    QStringList ids;
    for (const QJsonValue &entry : root.value(QLatin1String("data")).toArray())
        ids << entry.toObject().value(QLatin1String("id")).toString();
    for (const QJsonValue &entry : root.value(QLatin1String("models")).toArray()) {
        QString name = entry.toObject().value(QLatin1String("name")).toString();
        if (name.startsWith(QLatin1String("models/")))
            name = name.mid(7);
        ids << name;
    }
    ids.removeAll(QString());
    ids.sort();
    return ids;
}

ModelListCall::ModelListCall(ProviderConfig provider, QString apiKey,
                             QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_apiKey(std::move(apiKey))
    , m_network(network) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ProviderModels result;
        result.error = tr("%1 did not answer within %2 seconds")
                           .arg(modelListUrl(m_provider).toString())
                           .arg(kTimeoutMs / 1000);
        finish(result);
    });
}

ModelListCall::~ModelListCall() {
    if (m_reply)
        m_reply->abort();
}

void ModelListCall::start(std::function<void(const ProviderModels &)> done) {
    m_done = std::move(done);
    const QUrl url = modelListUrl(m_provider);
    if (!url.isValid() || url.host().isEmpty()) {
        ProviderModels result;
        result.error = tr("invalid base URL \"%1\"").arg(m_provider.baseUrl);
        finish(result);
        return;
    }

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    const QByteArray key = m_apiKey.toUtf8();
    if (!key.isEmpty()) {
        if (m_provider.kind == QLatin1String("anthropic"))
            request.setRawHeader("x-api-key", key);
        else if (m_provider.kind == QLatin1String("gemini"))
            request.setRawHeader("x-goog-api-key", key);
        else if (m_provider.kind == QLatin1String("azure-openai"))
            request.setRawHeader("api-key", key);
        else
            request.setRawHeader("Authorization", "Bearer " + key);
    }
    if (m_provider.kind == QLatin1String("anthropic"))
        request.setRawHeader("anthropic-version", "2023-06-01");

    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, &ModelListCall::onFinished);
    m_timer.start(kTimeoutMs);
}

void ModelListCall::onFinished() {
    QNetworkReply *reply = m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    m_reply = nullptr;

    ProviderModels result;
    result.httpStatus = status;
    if (status == 200) {
        result.models = parseModelList(body);
        result.ok = true;
    } else if (status != 0) {
        const UpstreamError error = openaiwire::errorFromBody(status, body, m_provider.id);
        result.error = tr("HTTP %1: %2").arg(status).arg(error.message);
    } else {
        result.error = reply->errorString();
    }
    finish(result);
}

void ModelListCall::finish(ProviderModels result) {
    m_timer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    result.providerId = m_provider.id;
    result.error = openaiwire::redact(result.error, m_apiKey);
    if (!result.ok)
        qCWarning(lcUpstream).noquote()
            << "listing the models of provider" << m_provider.id << "failed:" << result.error;
    if (auto done = std::exchange(m_done, nullptr))
        done(result);
}

} // namespace signalbox
