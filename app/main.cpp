// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/configloader.h"
#include "service/routerservice.h"

#ifdef SIGNALBOX_WITH_UI
#include "consoleapp.h"

#include <QApplication>
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace signalbox;

namespace {

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int) {
    // Only async-signal-safe work here: wake the event loop through the pipe.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Turns SIGINT and SIGTERM into a clean QCoreApplication::quit(), so the ledger is flushed.
void quitOnTerminationSignals(QCoreApplication &app) {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[0], &byte, 1);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

// Below this many open files the router cannot run: it uses about 20 while idle (the ledger,
// its threads' wake-up descriptors, the listener, the config watcher), and each connection
// takes one more.
constexpr rlim_t kMinimumOpenFiles = 64;
// Below this many open files the start logs a warning, because each connection takes one and
// coding tools running streams in parallel can hold hundreds.
constexpr rlim_t kFewOpenFiles = 4096;

// Raises the soft limit on open files to the hard limit. Many shells start programs with a soft
// limit of 1024, which would cap the router near a thousand connections while the hard limit
// allows far more. Returns false, with the error printed, when the limit is too low to run.
bool raiseOpenFileLimit() {
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return true;
    if (limit.rlim_cur < limit.rlim_max) {
        struct rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        // macOS rejects an unlimited soft limit, and the soft limit then stays as it is.
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    if (limit.rlim_cur < kMinimumOpenFiles) {
        std::fprintf(stderr,
                     "signalbox: the open file limit is %llu, below the %llu that signalbox "
                     "needs. Raise it with `ulimit -n` before starting signalbox\n",
                     static_cast<unsigned long long>(limit.rlim_cur),
                     static_cast<unsigned long long>(kMinimumOpenFiles));
        return false;
    }
    if (limit.rlim_cur < kFewOpenFiles) {
        std::fprintf(stderr,
                     "signalbox: warning: the open file limit is %llu, so the router can keep "
                     "fewer than that many connections open. Raise it with `ulimit -n` (or "
                     "`ulimit -Hn` as root) before starting signalbox\n",
                     static_cast<unsigned long long>(limit.rlim_cur));
    }
    return true;
}

bool hasDisplay() {
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY") ||
           qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

struct Options {
    bool headless = false;
    bool demo = false;
    QString checkConfig;
    QString configPath;
    QString dataDir;
    QString listen;
    QString screenshotsDir;
    QString language;
};

// Returns what is wrong with a --listen value, or an empty string when it is empty or valid. It is
// checked before anything starts, so the demo does not first write its history.
QString listenProblem(const QString &text) {
    if (text.isEmpty())
        return {};
    const std::optional<ListenAddress> address = parseListenAddress(text);
    if (!address) {
        return QStringLiteral("use HOST:PORT, where HOST is an IP address or localhost and PORT "
                              "is 0 to 65535 (0 picks a free port)");
    }
    if (address->host != QLatin1String("localhost") && QHostAddress(address->host).isNull()) {
        return QStringLiteral("'%1' is not an IP address; use one such as 127.0.0.1, or "
                              "localhost")
            .arg(address->host);
    }
    return {};
}

Options parseCommandLine(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Signalbox: a desktop console with an embedded LLM router. Point OpenAI-compatible "
        "tools at its local endpoint; it picks the model, checks the gates, calls the "
        "provider and records the cost."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run the router only, without windows; log "
                                                     "to stderr. SIGINT or SIGTERM stop it."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Use the in-memory demo config on the built-in "
                                                 "simulated upstream, with synthetic traffic. "
                                                 "Touches no user file unless --data-dir is "
                                                 "given."));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("Routing config file (default: %1).")
            .arg(QDir::toNativeSeparators(
                QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                QStringLiteral("/config.json"))),
        QStringLiteral("PATH"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Folder for the ledger and state (default: "
                       "%1).")
            .arg(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)),
        QStringLiteral("PATH"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Endpoint address, default 127.0.0.1:8765; "
                                                   "port 0 picks a free port."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption checkConfig(QStringLiteral("check-config"),
                                         QStringLiteral("Validate the config file, print every "
                                                        "problem and exit with 0 or 1."),
                                         QStringLiteral("PATH"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QStringLiteral("Render each console page to DIR/<page>.png and the dashboard in every "
                       "other language to DIR/dashboard-<language>.png, then exit. Without "
                       "--demo, no request is sent and the config file is not saved."),
        QStringLiteral("DIR"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QStringLiteral("Console language: en, de or zh_CN (default: the language chosen in the "
                       "console, else the system's)."),
        QStringLiteral("LANG"));
    parser.addOptions(
        {headless, demo, config, dataDir, listen, checkConfig, screenshots, language});
    parser.process(arguments);

    Options options;
    options.headless = parser.isSet(headless);
    options.demo = parser.isSet(demo);
    options.checkConfig = parser.value(checkConfig);
    options.configPath = parser.value(config);
    options.dataDir = parser.value(dataDir);
    options.listen = parser.value(listen);
    options.screenshotsDir = parser.value(screenshots);
    options.language = parser.value(language);
    const QStringList languages{QStringLiteral("en"), QStringLiteral("de"),
                                QStringLiteral("zh_CN")};
    if (!options.language.isEmpty() && !languages.contains(options.language)) {
        std::fprintf(stderr, "signalbox: invalid --language '%s'; use en, de or zh_CN\n",
                     options.language.toUtf8().constData());
        std::exit(2);
    }
    if (const QString problem = listenProblem(options.listen); !problem.isEmpty()) {
        std::fprintf(stderr, "signalbox: invalid --listen '%s': %s\n",
                     options.listen.toUtf8().constData(), problem.toUtf8().constData());
        std::exit(2);
    }
    if (options.demo && !options.configPath.isEmpty()) {
        std::fprintf(stderr,
                     "signalbox: --demo runs on its embedded demo config, so --config "
                     "'%s' would be ignored; drop one of the two options\n",
                     options.configPath.toUtf8().constData());
        std::exit(2);
    }
    return options;
}

// Fills in the per-user default paths; the demo writes its ledger to a temporary folder.
ServiceOptions serviceOptions(const Options &options, QTemporaryDir &demoData) {
    ServiceOptions service;
    service.demo = options.demo;
    service.listen = options.listen;
    service.configPath = options.configPath.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                                   QStringLiteral("/config.json")
                             : options.configPath;
    if (!options.dataDir.isEmpty())
        service.dataDir = options.dataDir;
    else if (options.demo)
        service.dataDir = demoData.path();
    else
        service.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // The synthetic history stays in the ledger, so it goes only into the throwaway folder.
    service.demoHistory = options.demo && options.dataDir.isEmpty();
    return service;
}

int runHeadless(QCoreApplication &app, const ServiceOptions &options) {
    RouterService service(options);
    QObject::connect(&service, &RouterService::ready, &app, [](const QUrl &endpoint) {
        std::fprintf(stdout, "listening on %s\n", endpoint.toString().toUtf8().constData());
        std::fflush(stdout);
    });
    QObject::connect(&service, &RouterService::startFailed, &app, [](const QString &message) {
        std::fprintf(stderr, "signalbox: %s\n", message.toUtf8().constData());
        // start() may fail before app.exec() runs, and exit() before exec() has no effect, so
        // the exit waits for the event loop.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    });
    // RouterService::eventLogged is not printed: every console event is also a log line, which
    // Qt's message handler already writes to stderr.
    quitOnTerminationSignals(app);
    service.start();
    const int status = app.exec();
    service.stop();
    return status;
}

} // namespace

int main(int argc, char *argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const bool headless = arguments.contains(QStringLiteral("--headless")) ||
                          arguments.contains(QStringLiteral("--check-config")) ||
                          arguments.contains(QStringLiteral("--help")) ||
                          arguments.contains(QStringLiteral("--version"));

#ifdef SIGNALBOX_WITH_UI
    // Without a display Qt aborts inside QApplication with a message about reinstalling, so the
    // likely fix is named first.
    if (!headless && !hasDisplay()) {
        std::fprintf(stderr, "signalbox: no display found (DISPLAY and WAYLAND_DISPLAY are not "
                             "set); run the router alone with --headless, or set "
                             "QT_QPA_PLATFORM=offscreen for screenshots\n");
        return 2;
    }
    std::unique_ptr<QCoreApplication> app = headless
                                                ? std::make_unique<QCoreApplication>(argc, argv)
                                                : std::make_unique<QApplication>(argc, argv);
#else
    auto app = std::make_unique<QCoreApplication>(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("signalbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGNALBOX_VERSION));

    const Options options = parseCommandLine(QCoreApplication::arguments());
    if (!options.checkConfig.isEmpty()) {
        QTextStream out(stdout);
        return checkConfigFile(options.checkConfig, out);
    }
    if (!raiseOpenFileLimit())
        return 1;

    QTemporaryDir demoData;
    const ServiceOptions service = serviceOptions(options, demoData);
    if (options.headless || headless)
        return runHeadless(*app, service);

#ifdef SIGNALBOX_WITH_UI
    quitOnTerminationSignals(*app);
    ConsoleOptions console;
    console.service = service;
    console.screenshotsDir = options.screenshotsDir;
    console.language = options.language;
    return runConsole(static_cast<QApplication &>(*app), console);
#else
    std::fprintf(stderr, "signalbox: built without the console; use --headless\n");
    return 1;
#endif
}
