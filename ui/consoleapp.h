// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "service/routerservice.h"

#include <QString>

class QApplication;

namespace signalbox {

struct ConsoleOptions {
    ServiceOptions service;
    QString screenshotsDir; // render every page to PNG files here, then quit
    QString language;       // "en", "de" or "zh_CN"; empty follows the setting, then the system
};

// Runs the console: starts the router, shows the window and the tray icon, and returns the exit
// status when the user quits. In demo mode the console's settings live in the demo's data folder,
// so a demo touches no user file. With a screenshots folder it renders the pages once some
// traffic has arrived, then quits.
int runConsole(QApplication &app, const ConsoleOptions &options);

} // namespace signalbox
