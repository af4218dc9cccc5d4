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
class RouterService;

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
    void resume();
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
    bool m_ok = true;
};

} // namespace signalbox
