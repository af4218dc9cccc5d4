// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace signalbox {

// The models a provider lists, or why it could not be asked.
struct ProviderModels {
    QString providerId;
    bool ok = false;
    QStringList models; // sorted ids as the provider names them
    int httpStatus = 0; // 0 when no HTTP response arrived
    QString error;      // for people; never contains the API key
};

// Returns the URL that lists a provider's models: GET {base_url}/models for the OpenAI,
// Gemini and simulated kinds, and {base_url}/v1/models for Anthropic, whose base URL has no
// version path.
QUrl modelListUrl(const ProviderConfig &provider);

// Lists a provider's models with GET, sending the key the way the provider kind expects it:
// Authorization: Bearer for the OpenAI kinds, x-api-key for Anthropic, x-goog-api-key for Gemini
// and api-key for Azure OpenAI. Calls `done` once, on the network manager's thread.
class ModelListCall : public QObject {
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 15000;

    ModelListCall(ProviderConfig provider, QString apiKey, QNetworkAccessManager *network,
                  QObject *parent = nullptr);
    ~ModelListCall() override;

    void start(std::function<void(const ProviderModels &)> done);

private:
    void onFinished();
    void finish(ProviderModels result);

    ProviderConfig m_provider;
    QString m_apiKey;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    std::function<void(const ProviderModels &)> m_done;
};

// Reads the model ids from a list body: OpenAI's and Anthropic's {"data":[{"id"}]} and Gemini's
// {"models":[{"name":"models/ID"}]}.
QStringList parseModelList(const QByteArray &body);

} // namespace signalbox
