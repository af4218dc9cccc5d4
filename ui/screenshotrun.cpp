// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "screenshotrun.h"

#include "languages.h"
#include "mainwindow.h"
#include "playgroundpage.h"
#include "providerspage.h"
#include "requestfilter.h"
#include "requestspage.h"
#include "service/routerservice.h"
#include "stagespage.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>

#include <cstdio>
#include <memory>

namespace signalbox {

namespace {

// Time for a page's charts and tables to lay out after it is shown.
constexpr int SettleMs = 700;
// Time the simulated upstream gets to stream the playground's response.
constexpr int AnswerWaitMs = 12000;

const char *const kPrompt =
    "Write a function that streams a large CSV export in chunks, so the window stays responsive, "
    "and explain how to cancel it halfway.";

} // namespace

ScreenshotRun::ScreenshotRun(RouterService *service, MainWindow *window, const QString &dir,
                             const QString &language, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_window(window)
    , m_dir(dir)
    , m_language(language) {
    m_capTimer.setSingleShot(true);
    connect(&m_capTimer, &QTimer::timeout, this, &ScreenshotRun::begin);
}

void ScreenshotRun::start() {
    if (!m_dir.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "signalbox: cannot create the screenshots folder %s\n",
                     qPrintable(m_dir.path()));
        QTimer::singleShot(0, this, [this] { emit finished(false); });
        return;
    }
    m_window->resize(WindowSize);
    connect(m_service, &RouterService::requestRecorded, this, &ScreenshotRun::onRequestRecorded);
    connect(m_service, &RouterService::startFailed, this, [this] { emit finished(false); });
    // Wait for some of the demo's traffic, but never longer than the cap when it is slow. A
    // user's config gets no traffic from the run.
    m_capTimer.start(m_service->options().demo ? MaxWaitMs : SettleMs);
}

void ScreenshotRun::onRequestRecorded() {
    if (++m_recorded == RequestsToWaitFor)
        begin();
}

void ScreenshotRun::begin() {
    if (m_begun)
        return;
    m_begun = true;
    m_capTimer.stop();
    m_service->refresh();

    for (int index = 0; index < m_window->pageCount(); ++index) {
        then(SettleMs, [this, index] { preparePage(index); });
        QWidget *page = m_window->page(index);
        then(SettleMs, [this, page] { save(m_window, page->objectName()); });
    }
    for (const Language &language : consoleLanguages()) {
        if (language.code != m_language)
            then(0, [this, code = language.code] { shootLanguage(code); });
    }
    then(0, [this] {
        installLanguage(m_language);
        emit finished(m_ok);
    });
    runNext();
}

void ScreenshotRun::then(int delayMs, Step step) {
    m_steps.append({delayMs, std::move(step)});
}

void ScreenshotRun::runNext() {
    if (m_steps.isEmpty())
        return;
    auto [delay, step] = m_steps.takeFirst();
    QTimer::singleShot(delay, this, [this, step] {
        step();
        if (!m_holding)
            runNext();
    });
}

void ScreenshotRun::resume() {
    if (!m_holding)
        return;
    m_holding = false;
    runNext();
}

bool ScreenshotRun::save(QWidget *widget, const QString &name) {
    const QString path = m_dir.filePath(name + QLatin1String(".png"));
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "signalbox: cannot write %s\n", qPrintable(path));
        m_ok = false;
        return false;
    }
    std::fprintf(stdout, "wrote %s\n", qPrintable(path));
    std::fflush(stdout);
    return true;
}

void ScreenshotRun::preparePage(int index) {
    m_window->showPage(index);
    QWidget *page = m_window->page(index);
    // On a user's config the playground's request and the connection test would call real
    // providers, and applying the presets would save them to the config file.
    const bool demo = m_service->options().demo;
    if (page == m_window->requestsPage())
        selectInterestingRequest();
    else if (page == m_window->playground() && demo)
        startPlaygroundAnswer();
    else if (auto *stages = qobject_cast<StagesPage *>(page))
        previewStage(stages);
    else if (auto *providers = qobject_cast<ProvidersPage *>(page); providers && demo)
        testProvider(providers);
}

// A request that fell back to its second candidate shows the most in the detail pane.
void ScreenshotRun::selectInterestingRequest() {
    RequestsPage *page = m_window->requestsPage();
    const QList<LedgerRecord> records = page->filter()->visibleRecords();
    int row = 0;
    for (int i = 0; i < records.size(); ++i) {
        if (records.at(i).attempts > 1) {
            row = i;
            break;
        }
    }
    page->table()->selectRow(row);
}

void ScreenshotRun::startPlaygroundAnswer() {
    PlaygroundPage *page = m_window->playground();
    page->promptEdit()->setPlainText(QLatin1String(kPrompt));
    const int code = page->routeBox()->findData(QStringLiteral("stage:code"));
    page->routeBox()->setCurrentIndex(std::max(0, code));
    page->preview();
    // The shot waits for the streamed response, or for the cap when it does not finish.
    holdUntil(page, &PlaygroundPage::answerFinished, AnswerWaitMs);
    page->send();
}

// The stage with a fallback and an allowed list, previewed on the page's sample prompt.
void ScreenshotRun::previewStage(StagesPage *page) {
    page->selectStage(QStringLiteral("architecture"));
    holdUntil(page, &StagesPage::previewShown);
    page->runPreview();
}

// Two presets added and applied, as after setting up real providers, and the simulated
// provider's model list. The presets are applied so that the picture shows a page without
// pending edits, with Apply and Revert disabled. Only the simulated provider is called: it runs
// in this process, and the demo applies a config without saving it.
void ScreenshotRun::testProvider(ProvidersPage *page) {
    page->addPreset(QStringLiteral("openai"));
    page->addPreset(QStringLiteral("anthropic"));
    m_steps.prepend({0, [this, page] {
                         page->selectProvider(QStringLiteral("simulated"));
                         holdUntil(page, &ProvidersPage::connectionTested);
                         page->testButton()->click();
                     }});
    holdUntil(page, &ConfigEditorPage::applied);
    page->apply();
}

// A window built after the language is installed, so every tr() call in it is translated.
void ScreenshotRun::shootLanguage(const QString &code) {
    if (!installLanguage(code)) {
        std::fprintf(stderr, "signalbox: no embedded translation for %s\n", qPrintable(code));
        m_ok = false;
        return;
    }
    auto window = std::make_shared<MainWindow>(m_service);
    window->resize(WindowSize);
    window->showPage(window->pageIndex(QStringLiteral("dashboard")));
    window->show();
    m_steps.prepend({1500, [this, window, code] {
                         save(window.get(), QStringLiteral("dashboard-") + code);
                         window->close();
                     }});
}

} // namespace signalbox
