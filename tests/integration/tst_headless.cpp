// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The signalbox program run with --headless: what it prints on the terminal.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr int WaitMs = 10000;

// Returns a valid config whose only provider is never called.
QByteArray validConfig() {
    const QJsonObject provider{{QLatin1String("kind"), QLatin1String("openai")},
                               {QLatin1String("base_url"), QLatin1String("http://127.0.0.1:9/v1")}};
    const QJsonObject model{
        {QLatin1String("id"), QLatin1String("mini")},
        {QLatin1String("provider"), QLatin1String("idle")},
        {QLatin1String("upstream_id"), QLatin1String("gpt-4o-mini")},
        {QLatin1String("price_per_mtok"),
         QJsonObject{{QLatin1String("input"), 0.15}, {QLatin1String("output"), 0.6}}},
        {QLatin1String("context_window"), 128000}};
    const QJsonObject config{
        {QLatin1String("version"), 1},
        {QLatin1String("server"),
         QJsonObject{{QLatin1String("listen"), QLatin1String("127.0.0.1:0")}}},
        {QLatin1String("providers"), QJsonObject{{QLatin1String("idle"), provider}}},
        {QLatin1String("models"), QJsonArray{model}},
        {QLatin1String("routing"),
         QJsonObject{{QLatin1String("fallback_model"), QLatin1String("mini")}}}};
    return QJsonDocument(config).toJson();
}

int countLines(const QByteArray &output, const QByteArray &text) {
    int count = 0;
    for (const QByteArray &line : output.split('\n')) {
        if (line.toLower().contains(text))
            ++count;
    }
    return count;
}

} // namespace

class TestHeadless : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void warningPrintedOnce();
    void demoUpstreamNamed();
    void startFailureExits();
    void screenshotRunFailureExits();
    void openFileLimitTooLow();
    void demoWithConfigRejected();
    void invalidListenRejected_data();
    void invalidListenRejected();
    void pipeConfigWithoutWriterStops();
    void pipeConfigReadWhenWritten();
    void pipeConfigEmptyNamed();

private:
    // Starts the program with --headless and the arguments, and waits for its listening line.
    bool start(const QStringList &arguments);
    // Reads the output until it contains `text` or WaitMs passes.
    bool waitForOutput(const QByteArray &text);
    int runDemoToExit(const QStringList &arguments);
    // Creates a named pipe in the test's folder and starts the program with it as the config,
    // without waiting for the listening line. Returns the pipe's path, or an empty string.
    QString startOnPipe();
    // Writes the bytes to the pipe once the program has opened it, then closes it. Returns false
    // when the program did not open the pipe within WaitMs or the write failed.
    bool writeToPipe(const QString &pipe, const QByteArray &bytes);

    QTemporaryDir m_dir;
    QProcess m_router;
    QByteArray m_output;
};

void TestHeadless::init() {
    QVERIFY(m_dir.isValid());
    m_output.clear();
}

void TestHeadless::cleanup() {
    if (m_router.state() != QProcess::NotRunning) {
        m_router.terminate();
        if (!m_router.waitForFinished(WaitMs)) {
            m_router.kill();
            m_router.waitForFinished(WaitMs);
        }
    }
    // A lowered open file limit is for one test's program only.
    m_router.setChildProcessModifier({});
}

bool TestHeadless::start(const QStringList &arguments) {
    m_router.setProcessChannelMode(QProcess::MergedChannels);
    m_router.start(qEnvironmentVariable("SIGNALBOX_BINARY"),
                   QStringList{QStringLiteral("--headless"), QStringLiteral("--data-dir"),
                               m_dir.filePath(QStringLiteral("data"))} +
                       arguments);
    return waitForOutput("listening on http://127.0.0.1:");
}

bool TestHeadless::waitForOutput(const QByteArray &text) {
    const auto found = [&] {
        return m_output.toLower().contains(text);
    };
    static_cast<void>(QTest::qWaitFor(
        [&] {
            m_output += m_router.readAll();
            return found() || m_router.state() == QProcess::NotRunning;
        },
        WaitMs));
    return found();
}

// A config file that turns invalid while the router runs gives a warning on the terminal, once:
// its log line, without a second copy of the console event.
void TestHeadless::warningPrintedOnce() {
    const QString configPath = m_dir.filePath(QStringLiteral("config.json"));
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(validConfig());
    config.close();
    QVERIFY2(start({QStringLiteral("--config"), configPath}), m_output.constData());

    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write("{ \"version\": 1, ");
    config.close();
    QVERIFY2(waitForOutput("was not applied"), m_output.constData());
    // Time for a second copy of the line to arrive, if the program printed one.
    QTest::qWait(500);
    m_output += m_router.readAll();

    QCOMPARE(countLines(m_output, "was not applied"), 1);
}

// The demo runs a simulated upstream next to the router, and the log line of each names it.
void TestHeadless::demoUpstreamNamed() {
    QVERIFY2(start({QStringLiteral("--demo"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0")}),
             m_output.constData());
    QVERIFY2(waitForOutput("demo upstream listening on 127.0.0.1:"), m_output.constData());
    QVERIFY2(waitForOutput("router endpoint listening on 127.0.0.1:"), m_output.constData());
    QCOMPARE(countLines(m_output, "listening on"), 3);

    // At shutdown each server names itself too.
    m_router.terminate();
    QVERIFY2(waitForOutput("demo upstream stopped listening on 127.0.0.1:"), m_output.constData());
    QVERIFY2(waitForOutput("router endpoint stopped listening on 127.0.0.1:"),
             m_output.constData());
}

// Runs the program with --headless --demo and the arguments until it exits, and returns its exit
// status, or -1 when it still runs after WaitMs. Its output goes to m_output.
int TestHeadless::runDemoToExit(const QStringList &arguments) {
    m_router.setProcessChannelMode(QProcess::MergedChannels);
    m_router.start(qEnvironmentVariable("SIGNALBOX_BINARY"),
                   QStringList{QStringLiteral("--headless"), QStringLiteral("--demo")} + arguments);
    const bool finished = m_router.waitForFinished(WaitMs);
    m_output = m_router.readAll();
    if (!finished || m_router.exitStatus() != QProcess::NormalExit)
        return -1;
    return m_router.exitCode();
}

// A router that cannot start exits with status 1 instead of waiting for a signal, also when the
// failure comes before the event loop runs.
void TestHeadless::startFailureExits() {
    QFile file(m_dir.filePath(QStringLiteral("file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const int status =
        runDemoToExit({QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("file/data"))});
    QCOMPARE(status, 1);
    QVERIFY2(m_output.contains("file/data"), m_output.constData());
}

// A screenshot run has nobody to read the console's error, so a router that cannot start ends it
// with status 1 instead of leaving the window open.
void TestHeadless::screenshotRunFailureExits() {
    QFile file(m_dir.filePath(QStringLiteral("file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_router.setProcessEnvironment(environment);
    m_router.setProcessChannelMode(QProcess::MergedChannels);
    m_router.start(qEnvironmentVariable("SIGNALBOX_BINARY"),
                   {QStringLiteral("--demo"), QStringLiteral("--screenshots"),
                    m_dir.filePath(QStringLiteral("shots")), QStringLiteral("--data-dir"),
                    m_dir.filePath(QStringLiteral("file/data"))});

    QVERIFY(m_router.waitForFinished(WaitMs));
    m_output = m_router.readAll();
    if (m_output.contains("built without the console"))
        QSKIP("the program under test is built without the console");
    QCOMPARE(m_router.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_router.exitCode(), 1);
    QVERIFY2(m_output.contains("file/data"), m_output.constData());
}

// Under the least number of open files the router needs, it exits at once with the limit and the
// fix, instead of failing later in a way that does not name the cause.
void TestHeadless::openFileLimitTooLow() {
    m_router.setChildProcessModifier([] {
        const struct rlimit limit = {40, 40};
        ::setrlimit(RLIMIT_NOFILE, &limit);
    });
    const int status =
        runDemoToExit({QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))});
    QCOMPARE(status, 1);
    QVERIFY2(m_output.contains("open file limit is 40"), m_output.constData());
    QVERIFY2(m_output.contains("ulimit -n"), m_output.constData());
}

// --demo runs on the embedded demo config, so a --config next to it is an error, not ignored.
void TestHeadless::demoWithConfigRejected() {
    const int status =
        runDemoToExit({QStringLiteral("--config"), m_dir.filePath(QStringLiteral("mine.json"))});
    QCOMPARE(status, 2);
    QVERIFY2(m_output.contains("mine.json"), m_output.constData());
    QVERIFY2(m_output.contains("would be ignored"), m_output.constData());
}

void TestHeadless::invalidListenRejected_data() {
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("expected");
    QTest::newRow("port out of range") << "127.0.0.1:99999"
                                       << "PORT is 0 to 65535";
    QTest::newRow("host name") << "example.com:8765"
                               << "'example.com' is not an IP address";
    QTest::newRow("no port") << "127.0.0.1"
                             << "use HOST:PORT";
}

// An invalid --listen is a usage error before anything starts, with the value and the fix.
void TestHeadless::invalidListenRejected() {
    QFETCH(QString, listen);
    QFETCH(QString, expected);
    const int status = runDemoToExit({QStringLiteral("--listen"), listen});
    QCOMPARE(status, 2);
    QVERIFY2(m_output.contains(listen.toUtf8()), m_output.constData());
    QVERIFY2(m_output.contains(expected.toUtf8()), m_output.constData());
    QVERIFY2(!m_output.contains("ledger"), m_output.constData());
}

QString TestHeadless::startOnPipe() {
    const QString path = m_dir.filePath(QStringLiteral("config.pipe"));
    QFile::remove(path);
    if (::mkfifo(QFile::encodeName(path).constData(), 0600) != 0)
        return QString();

    m_router.setProcessChannelMode(QProcess::MergedChannels);
    m_router.start(qEnvironmentVariable("SIGNALBOX_BINARY"),
                   {QStringLiteral("--headless"), QStringLiteral("--data-dir"),
                    m_dir.filePath(QStringLiteral("data")), QStringLiteral("--config"), path});
    return m_router.waitForStarted(WaitMs) ? path : QString();
}

bool TestHeadless::writeToPipe(const QString &pipe, const QByteArray &bytes) {
    // Opening a pipe for writing without blocking fails until a reader has it open, so the test
    // does not hang when the program never opens it.
    int writer = -1;
    const bool opened = QTest::qWaitFor(
        [&] {
            writer = ::open(QFile::encodeName(pipe).constData(), O_WRONLY | O_NONBLOCK);
            return writer >= 0;
        },
        WaitMs);
    if (!opened)
        return false;
    const bool written = ::write(writer, bytes.constData(), size_t(bytes.size())) == bytes.size();
    ::close(writer);
    return written;
}

// A named pipe as the config waits for its writer. SIGTERM must still end the program while
// nothing writes to the pipe.
void TestHeadless::pipeConfigWithoutWriterStops() {
    const QString pipe = startOnPipe();
    QVERIFY(!pipe.isEmpty());
    QTest::qWait(500);

    QVERIFY2(m_router.state() == QProcess::Running, m_router.readAll().constData());
    m_router.terminate();
    QVERIFY2(m_router.waitForFinished(WaitMs), "the program kept waiting for the pipe's writer");
    QCOMPARE(m_router.exitStatus(), QProcess::NormalExit);
}

// A config written to a named pipe after the start is read once its writer closes the pipe.
void TestHeadless::pipeConfigReadWhenWritten() {
    const QString pipe = startOnPipe();
    QVERIFY(!pipe.isEmpty());
    QVERIFY2(waitForOutput("waiting for the config from pipe"), m_output.constData());

    QVERIFY(writeToPipe(pipe, validConfig()));
    QVERIFY2(waitForOutput("listening on http://127.0.0.1:"), m_output.constData());
    QVERIFY2(m_output.contains("not watched for changes"), m_output.constData());

    // A pipe has nothing to read again, so a change next to it reports no unreadable config.
    QFile other(m_dir.filePath(QStringLiteral("other.txt")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("x");
    other.close();
    QTest::qWait(1500);
    m_output += m_router.readAll();
    QVERIFY2(!m_output.contains("was not applied"), m_output.constData());
}

// A pipe whose writer sends nothing gets an error that names the pipe, not advice for a file.
void TestHeadless::pipeConfigEmptyNamed() {
    const QString pipe = startOnPipe();
    QVERIFY(!pipe.isEmpty());

    QVERIFY(writeToPipe(pipe, QByteArray()));
    QVERIFY(m_router.waitForFinished(WaitMs));
    m_output += m_router.readAll();
    QCOMPARE(m_router.exitCode(), 1);
    QVERIFY2(m_output.contains("the pipe's writer sent nothing"), m_output.constData());
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
