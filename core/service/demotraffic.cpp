// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "demotraffic.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace signalbox {

namespace {

struct DemoRequest {
    const char *model; // "stage:NAME" or "auto"
    const char *prompt;
};

const DemoRequest kRequests[] = {
    {"stage:architecture", "Design the module boundaries for a billing service that has to "
                           "reconcile three payment providers nightly. Explain the trade-offs."},
    {"stage:code", "Write a function that parses an ISO 8601 duration such as PT1H30M into "
                   "seconds, with tests for the edge cases."},
    {"stage:ui", "Make this card layout responsive: two columns on desktop, one on mobile, "
                 "and keep the header sticky."},
    {"stage:triage", "Classify this bug report: the export button does nothing on Safari 17 "
                     "when the table has more than 500 rows."},
    {"stage:summarize", "Summarise the following meeting notes in five bullet points: the team "
                        "agreed to move the release, to cut two features and to add a beta."},
    {"auto", "Translate to German: the build finished, all tests passed."},
    {"auto", "Why does this recursive function overflow the stack for inputs above 10000, and "
             "how do I rewrite it iteratively?"},
};

constexpr int kMaxInFlight = 3;

} // namespace

DemoTraffic::DemoTraffic(const QUrl &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_network(new QNetworkAccessManager(this)) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DemoTraffic::sendOne);
}

void DemoTraffic::start() {
    m_timer.start(500);
}

void DemoTraffic::stop() {
    m_timer.stop();
}

void DemoTraffic::scheduleNext() {
    m_timer.start(1200 + int(QRandomGenerator::global()->bounded(2800)));
}

void DemoTraffic::sendOne() {
    scheduleNext();
    if (m_inFlight >= kMaxInFlight)
        return;

    const auto &pick = kRequests[QRandomGenerator::global()->bounded(int(std::size(kRequests)))];
    const bool stream = QRandomGenerator::global()->bounded(2) == 0;
    const QJsonObject message{{QLatin1String("role"), QLatin1String("user")},
                              {QLatin1String("content"), QLatin1String(pick.prompt)}};
    const QJsonObject body{{QLatin1String("model"), QLatin1String(pick.model)},
                           {QLatin1String("messages"), QJsonArray{message}},
                           {QLatin1String("max_tokens"), 400},
                           {QLatin1String("stream"), stream}};

    QUrl url = m_endpoint;
    url.setPath(QStringLiteral("/v1/chat/completions"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("User-Agent", "signalbox-demo-traffic");

    ++m_inFlight;
    QNetworkReply *reply =
        m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::readyRead, reply, [reply] { reply->readAll(); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        --m_inFlight;
        reply->deleteLater();
    });
}

} // namespace signalbox
