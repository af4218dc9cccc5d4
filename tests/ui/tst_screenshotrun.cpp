// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// signalbox --demo --screenshots DIR, as the README runs it: one picture per sidebar page and one
// dashboard per other language, each of the window's size.
#include "screenshotrun.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace signalbox;

namespace {

// Runs signalbox with the arguments and returns its output, or fails the test when the run
// does not end with status 0 within two minutes. The demo waits up to 30 s for its traffic, then
// takes about a second per picture.
QByteArray runSignalbox(const QStringList &arguments, bool *ok) {
    *ok = false;
    const QString binary = qEnvironmentVariable("SIGNALBOX_BINARY");
    if (!QFile::exists(binary))
        return "SIGNALBOX_BINARY must name the built signalbox; run the test through ctest";

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary, arguments);
    if (!process.waitForStarted())
        return "signalbox did not start";
    const bool finished = process.waitForFinished(120000);
    if (!finished)
        process.kill();
    const QByteArray output = process.readAll();
    *ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return output;
}

} // namespace

class TestScreenshotRun : public QObject {
    Q_OBJECT

private slots:
    void everyPageIsRendered();
    void userConfigLeftUnchanged();
};

void TestScreenshotRun::everyPageIsRendered() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    bool ok = false;
    const QByteArray output =
        runSignalbox({QStringLiteral("--demo"), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--screenshots"), dir.path()},
                     &ok);
    QVERIFY2(ok, output.constData());

    const QStringList pictures{QStringLiteral("dashboard"),    QStringLiteral("requests"),
                               QStringLiteral("playground"),   QStringLiteral("models"),
                               QStringLiteral("stages"),       QStringLiteral("gates"),
                               QStringLiteral("providers"),    QStringLiteral("settings"),
                               QStringLiteral("dashboard-de"), QStringLiteral("dashboard-zh_CN")};
    for (const QString &name : pictures) {
        const QImage image(QDir(dir.path()).filePath(name + QStringLiteral(".png")));
        QVERIFY2(!image.isNull(), qPrintable(name));
        QCOMPARE(image.size(), ScreenshotRun::WindowSize);
    }
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.png")}).size(), pictures.size());
}

// On a user's config the run renders the pages without applying presets, which would save
// them to the config file, and without calling a provider.
void TestScreenshotRun::userConfigLeftUnchanged() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString configPath = QDir(dir.path()).filePath(QStringLiteral("config.json"));
    const QByteArray config = R"({
  "version": 1,
  "providers": {"local": {"kind": "openai", "base_url": "http://127.0.0.1:9/v1", "needs_key": false}},
  "models": [{"id": "local-model", "provider": "local",
              "price_per_mtok": {"input": 1, "output": 2}, "context_window": 8192}],
  "routing": {"fallback_model": "local-model"}
}
)";
    QFile file(configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(config), config.size());
    file.close();

    bool ok = false;
    const QByteArray output =
        runSignalbox({QStringLiteral("--config"), configPath, QStringLiteral("--data-dir"),
                      QDir(dir.path()).filePath(QStringLiteral("data")), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--screenshots"),
                      QDir(dir.path()).filePath(QStringLiteral("pictures"))},
                     &ok);
    QVERIFY2(ok, output.constData());

    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), config);
    QVERIFY2(!output.contains("saved the config"), output.constData());
    QVERIFY(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("pictures/providers.png"))));
}

QTEST_GUILESS_MAIN(TestScreenshotRun)
#include "tst_screenshotrun.moc"
