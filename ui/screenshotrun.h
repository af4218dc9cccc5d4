// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QDir>
#include <QObject>
#include <QSize>
#include <QTimer>

#include <functional>

namespace signalbox {

class MainWindow;
class ProvidersPage;
class RouterService;
class StagesPage;

// Renders the console for the README: once enough requests were recorded (or after a time cap),
// each page to DIR/<page>.png, then the dashboard once per other language to
// DIR/dashboard-<language>.png, then reports finished().
class ScreenshotRun : public QObject {
    Q_OBJECT

public:
    ScreenshotRun(RouterService *service, MainWindow *window, const QString &dir,
                  const QString &language, QObject *parent = nullptr);

    void start();

    static constexpr int RequestsToWaitFor = 8;
    static constexpr int MaxWaitMs = 30000;
    static constexpr QSize WindowSize{1280, 820};
    // The longest a shot waits for the router's reply to a page.
    static constexpr int HoldCapMs = 5000;

signals:
    void finished(bool ok);

private:
    using Step = std::function<void()>;

    void onRequestRecorded();
    void begin();
    void then(int delayMs, Step step);
    void runNext();
    bool save(QWidget *widget, const QString &name);
    void preparePage(int index);
    void selectInterestingRequest();
    void startPlaygroundAnswer();
    void previewStage(StagesPage *page);
    void testProvider(ProvidersPage *page);
    void resume();

    // Holds the next step until `sender` emits `signal`, or until `capMs` passed.
    // A signal or cap left over from an earlier hold does not end this one.
    template <typename Sender, typename Signal>
    void holdUntil(Sender *sender, Signal signal, int capMs = HoldCapMs) {
        m_holding = true;
        const int hold = ++m_hold;
        const auto resumeThis = [this, hold] {
            if (hold == m_hold)
                resume();
        };
        connect(sender, signal, this, resumeThis, Qt::SingleShotConnection);
        QTimer::singleShot(capMs, this, resumeThis);
    }
    void shootLanguage(const QString &code);

    RouterService *m_service;
    MainWindow *m_window;
    QDir m_dir;
    QString m_language;
    QTimer m_capTimer;
    QList<QPair<int, Step>> m_steps;
    int m_recorded = 0;
    bool m_begun = false;
    bool m_holding = false; // a step waits for something before the next one runs
    int m_hold = 0;         // counts holds, so that each resumes only its own
    bool m_ok = true;
};

} // namespace signalbox
