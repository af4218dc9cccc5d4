// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The playground on the demo router: the dry-run decision as the /api/route handler makes it,
// a rejection, and a prompt sent for real to the simulated upstream.
#include "consoletesting.h"
#include "playgroundpage.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBrowser>

using namespace signalbox;
using namespace signalbox::testing;

class PlaygroundTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void previewShowsStageRoute();
    void previewMatchesRouteEndpoint();
    void previewShowsRejection();
    void sendStreamsAnswer();

private:
    bool selectRoute(const QString &value);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<RouterService> m_service;
    std::unique_ptr<PlaygroundPage> m_page;
};

void PlaygroundTest::initTestCase() {
    QVERIFY(m_settings.isValid());
    useTemporarySettings(m_settings);
}

// The demo config on its simulated upstream, without synthetic traffic or history.
void PlaygroundTest::init() {
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(m_data->isValid());
    ServiceOptions options;
    options.demo = true;
    options.demoTraffic = false;
    options.dataDir = m_data->path();
    options.listen = QStringLiteral("127.0.0.1:0");
    m_service = std::make_unique<RouterService>(options);
    m_page = std::make_unique<PlaygroundPage>(m_service.get());
    QSignalSpy ready(m_service.get(), &RouterService::ready);
    m_service->start();
    QVERIFY(ready.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->routeBox()->count() > 1, 5000);
}

void PlaygroundTest::cleanup() {
    m_page.reset();
    if (m_service)
        m_service->stop();
    m_service.reset();
    m_data.reset();
}

bool PlaygroundTest::selectRoute(const QString &value) {
    const int index = m_page->routeBox()->findData(value);
    if (index < 0)
        return false;
    m_page->routeBox()->setCurrentIndex(index);
    return true;
}

void PlaygroundTest::previewShowsStageRoute() {
    QSignalSpy shown(m_page.get(), &PlaygroundPage::previewShown);
    QTest::keyClicks(m_page->promptEdit(), QStringLiteral("Parse an ISO 8601 duration"));
    QVERIFY(selectRoute(QStringLiteral("stage:code")));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->lastPreview().stage, QStringLiteral("code"), 5000);

    const RoutePreview &preview = m_page->lastPreview();
    QVERIFY(preview.routed);
    QCOMPARE(preview.level, QStringLiteral("stage"));
    QCOMPARE(preview.model, QStringLiteral("gpt-4.1"));
    // The stage's fallbacks, then routing.fallback_model.
    QCOMPARE(preview.candidates.join(QLatin1Char(' ')),
             QStringLiteral("gpt-4.1 claude-sonnet-4-5 deepseek-chat gpt-4o-mini"));
    QVERIFY(preview.estimatedInputTokens > 0);
    // 512 output tokens at $8 per million is the larger part of the worst case.
    QVERIFY(preview.worstCaseCostUsd > 512 * 8.0 / 1e6);
    QVERIFY(!shown.isEmpty());

    const QString decision = m_page->decisionView()->toPlainText();
    QVERIFY2(decision.contains(QStringLiteral("gpt-4.1 → claude-sonnet-4-5 → deepseek-chat → "
                                              "gpt-4o-mini")),
             qPrintable(decision));
    QVERIFY2(decision.contains(QStringLiteral("stage 'code' is assigned 'gpt-4.1'")),
             qPrintable(decision));
}

// The playground and POST /api/route share one routing function, so they agree.
void PlaygroundTest::previewMatchesRouteEndpoint() {
    m_page->promptEdit()->setPlainText(QStringLiteral("Summarise the meeting notes"));
    QVERIFY(selectRoute(QStringLiteral("auto")));
    m_page->preview();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->lastPreview().routed, 5000);

    RawHttpClient client;
    QVERIFY(client.connectTo(quint16(m_service->endpoint().port())));
    client.send(postRequest("/api/route", QJsonDocument(m_page->requestBody()).toJson()));
    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 200);
    const QJsonObject route = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(route.value(QLatin1String("model")).toString(), m_page->lastPreview().model);
    QCOMPARE(route.value(QLatin1String("level")).toString(), m_page->lastPreview().level);
    QCOMPARE(route.value(QLatin1String("worst_case_cost_usd")).toDouble(),
             m_page->lastPreview().worstCaseCostUsd);
}

void PlaygroundTest::previewShowsRejection() {
    m_page->promptEdit()->setPlainText(QStringLiteral("hello"));
    m_page->routeBox()->addItem(QStringLiteral("Model: no-such-model"),
                                QStringLiteral("no-such-model"));
    QVERIFY(selectRoute(QStringLiteral("no-such-model")));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->lastPreview().httpStatus, 404, 5000);
    QVERIFY(!m_page->lastPreview().routed);
    const QString decision = m_page->decisionView()->toPlainText();
    QVERIFY2(decision.contains(QStringLiteral("HTTP 404")), qPrintable(decision));
    QVERIFY2(decision.contains(QStringLiteral("no-such-model")), qPrintable(decision));
}

void PlaygroundTest::sendStreamsAnswer() {
    QSignalSpy finished(m_page.get(), &PlaygroundPage::answerFinished);
    m_page->promptEdit()->setPlainText(QStringLiteral("Make this card layout responsive"));
    QVERIFY(selectRoute(QStringLiteral("stage:ui")));
    m_page->send();
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().first().toString(), QString());
    QVERIFY(!m_page->answerView()->toPlainText().trimmed().isEmpty());
    const QString status = m_page->answerStatus()->text();
    QVERIFY2(status.contains(QStringLiteral("gpt-4o-mini")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("stage")), qPrintable(status));

    // The ledger row of the request adds its tokens and cost.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->answerStatus()->text().contains(QStringLiteral("cost $")),
                             5000);
}

QTEST_MAIN(PlaygroundTest)
#include "tst_playground.moc"
