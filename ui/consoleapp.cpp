// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "consoleapp.h"

#include "languages.h"
#include "mainwindow.h"
#include "screenshotrun.h"
#include "traycontroller.h"

#include <QApplication>
#include <QSettings>
#include <QSystemTrayIcon>

#include <cstdio>

namespace signalbox {

namespace {

const QString TrayNoticeKey = QStringLiteral("tray/closeNoticeShown");

QString consoleLanguage(const ConsoleOptions &options) {
    // Screenshots for the README are English unless --language requests another language.
    if (!options.screenshotsDir.isEmpty() && options.language.isEmpty())
        return QStringLiteral("en");
    return chooseLanguage(options.language);
}

// Shows the tray icon when the desktop has a tray. Closing the window then keeps the router
// running, and the tray shows a message about it the first time.
void connectTray(TrayController &tray, MainWindow &window) {
    QObject::connect(&tray, &TrayController::showConsoleRequested, &window, [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    });
    QObject::connect(&tray, &TrayController::quitRequested, &window, &MainWindow::quit);
    if (!tray.show())
        return;
    window.setKeepRunningInTray(true);
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&window, &MainWindow::hiddenToTray, &tray, [&tray] {
        QSettings settings;
        if (settings.value(TrayNoticeKey).toBool())
            return;
        settings.setValue(TrayNoticeKey, true);
        tray.showMessage(TrayController::tr("Signalbox is still routing"),
                         TrayController::tr("The endpoint keeps running in the background. Use "
                                            "Quit in the tray menu to stop it."));
    });
}

} // namespace

int runConsole(QApplication &app, const ConsoleOptions &options) {
    if (options.service.demo)
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, options.service.dataDir);
    const QString language = consoleLanguage(options);
    if (!installLanguage(language))
        std::fprintf(stderr, "signalbox: no translation for language '%s'; use en, de or zh_CN\n",
                     language.toUtf8().constData());

    RouterService service(options.service);
    MainWindow window(&service);
    TrayController tray(&service, window.pauseAction());
    connectTray(tray, window);
    window.show();

    // The window shows the failure too, but a console started from a terminal prints it as well.
    // A screenshot run has no user to read the window, so it exits with status 1.
    const bool batch = !options.screenshotsDir.isEmpty();
    QObject::connect(&service, &RouterService::startFailed, &window,
                     [batch](const QString &message) {
                         std::fprintf(stderr, "signalbox: %s\n", message.toUtf8().constData());
                         if (batch) {
                             QMetaObject::invokeMethod(
                                 QCoreApplication::instance(), [] { QCoreApplication::exit(1); },
                                 Qt::QueuedConnection);
                         }
                     });

    std::unique_ptr<ScreenshotRun> screenshots;
    if (!options.screenshotsDir.isEmpty()) {
        screenshots =
            std::make_unique<ScreenshotRun>(&service, &window, options.screenshotsDir, language);
        QObject::connect(screenshots.get(), &ScreenshotRun::finished, &app,
                         [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
        screenshots->start();
    }

    service.start();
    const int status = app.exec();
    service.stop();
    return status;
}

} // namespace signalbox
