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

class TestScreenshotRun : public QObject {
    Q_OBJECT

private slots:
    void everyPageIsRendered();
    void userConfigLeftUnchanged();
};

void TestScreenshotRun::everyPageIsRendered() {
    const QString binary = qEnvironmentVariable("SIGNALBOX_BINARY");
    QVERIFY2(QFile::exists(binary),
             "SIGNALBOX_BINARY must name the built signalbox; run the test through ctest");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary,
                  {QStringLiteral("--demo"), QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:0"), QStringLiteral("--screenshots"), dir.path()});
    QVERIFY(process.waitForStarted());
    // The run waits up to 30 s for demo traffic, then about a second per picture.
    const bool finished = process.waitForFinished(120000);
    if (!finished)
        process.kill();
    const QByteArray output = process.readAll();
    QVERIFY2(finished, output.constData());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, output.constData());

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
    const QString binary = qEnvironmentVariable("SIGNALBOX_BINARY");
    QVERIFY2(QFile::exists(binary),
             "SIGNALBOX_BINARY must name the built signalbox; run the test through ctest");
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

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary,
                  {QStringLiteral("--config"), configPath, QStringLiteral("--data-dir"),
                   QDir(dir.path()).filePath(QStringLiteral("data")), QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:0"), QStringLiteral("--screenshots"),
                   QDir(dir.path()).filePath(QStringLiteral("pictures"))});
    QVERIFY(process.waitForStarted());
    const bool finished = process.waitForFinished(120000);
    if (!finished)
        process.kill();
    const QByteArray output = process.readAll();
    QVERIFY2(finished, output.constData());
    QVERIFY2(process.exitCode() == 0, output.constData());

    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), config);
    QVERIFY2(!output.contains("saved the config"), output.constData());
    QVERIFY(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("pictures/providers.png"))));
}

QTEST_GUILESS_MAIN(TestScreenshotRun)
#include "tst_screenshotrun.moc"
