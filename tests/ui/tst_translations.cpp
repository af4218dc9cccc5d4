// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The embedded translations: they load, they translate the console, and none is unfinished.
#include "consoletesting.h"
#include "languages.h"
#include "mainwindow.h"

#include <QDir>
#include <QListWidget>
#include <QTest>
#include <QXmlStreamReader>

using namespace signalbox;
using namespace signalbox::testing;

namespace {

QString translationsDir() {
    return QDir::cleanPath(QStringLiteral(SIGNALBOX_TEST_DATA "/../../translations"));
}

QString navigationText(const MainWindow &window, int row) {
    const auto *list = window.findChild<QListWidget *>();
    return list && list->item(row) ? list->item(row)->text() : QString();
}

} // namespace

class TranslationsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void knownStringIsTranslated_data();
    void knownStringIsTranslated();
    void englishPluralForms();
    void windowIsBuiltTranslated();
    void unknownLanguageIsRejected();
    void overrideAndSettingChooseLanguage();
    void noTranslationIsUnfinished_data();
    void noTranslationIsUnfinished();

private:
    QTemporaryDir m_settings;
};

void TranslationsTest::initTestCase() {
    QVERIFY(m_settings.isValid());
    useTemporarySettings(m_settings);
}

void TranslationsTest::cleanup() {
    installLanguage(QStringLiteral("en"));
    saveLanguage(QString());
}

void TranslationsTest::knownStringIsTranslated_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dashboard");
    QTest::addColumn<QString>("pause");
    QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("Übersicht")
                            << QStringLiteral("Routing &pausieren");
    QTest::newRow("Simplified Chinese")
        << QStringLiteral("zh_CN") << QStringLiteral("仪表板") << QStringLiteral("暂停路由(&P)");
    QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("Dashboard")
                             << QStringLiteral("&Pause routing");
}

void TranslationsTest::knownStringIsTranslated() {
    QFETCH(QString, language);
    QFETCH(QString, dashboard);
    QFETCH(QString, pause);
    QVERIFY(installLanguage(language));
    QCOMPARE(QCoreApplication::translate("signalbox::MainWindow", "Dashboard"), dashboard);
    QCOMPARE(QCoreApplication::translate("signalbox::MainWindow", "&Pause routing"), pause);
}

void TranslationsTest::englishPluralForms() {
    QVERIFY(installLanguage(QStringLiteral("en")));
    const char *context = "signalbox::SpendBreakdown";
    const char *source = "%1 · %n request(s)";
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1),
             QStringLiteral("%1 · 1 request"));
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 2),
             QStringLiteral("%1 · 2 requests"));
}

void TranslationsTest::windowIsBuiltTranslated() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    router.create();

    QVERIFY(installLanguage(QStringLiteral("de")));
    MainWindow german(router.service());
    QCOMPARE(navigationText(german, 0), QStringLiteral("Übersicht"));
    QCOMPARE(navigationText(german, 1), QStringLiteral("Anfragen"));

    QVERIFY(installLanguage(QStringLiteral("en")));
    MainWindow english(router.service());
    QCOMPARE(navigationText(english, 0), QStringLiteral("Dashboard"));
}

void TranslationsTest::unknownLanguageIsRejected() {
    QVERIFY(!installLanguage(QStringLiteral("fr")));
    QCOMPARE(QCoreApplication::translate("signalbox::MainWindow", "Dashboard"),
             QStringLiteral("Dashboard"));
}

void TranslationsTest::overrideAndSettingChooseLanguage() {
    saveLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(savedLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(chooseLanguage(QString()), QStringLiteral("zh_CN"));
    QCOMPARE(chooseLanguage(QStringLiteral("de")), QStringLiteral("de"));
    saveLanguage(QString());
    QCOMPARE(savedLanguage(), QString());
}

void TranslationsTest::noTranslationIsUnfinished_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("German") << QStringLiteral("signalbox_de.ts");
    QTest::newRow("Simplified Chinese") << QStringLiteral("signalbox_zh_CN.ts");
}

// Every message has a finished translation, and a translation keeps the source's place markers.
void TranslationsTest::noTranslationIsUnfinished() {
    QFETCH(QString, file);
    QFile ts(QDir(translationsDir()).filePath(file));
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));

    QXmlStreamReader xml(&ts);
    int messages = 0;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const bool plural = xml.attributes().hasAttribute(QLatin1String("numerus")) ||
                                source.contains(QLatin1String("%n"));
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            QVERIFY2(type.isEmpty(),
                     qPrintable(QStringLiteral("%1: '%2' is %3").arg(file, source, type)));
            QVERIFY2(!text.trimmed().isEmpty(), qPrintable(source));
            for (int marker = 1; marker <= 4 && !plural; ++marker) {
                const QString place = QLatin1Char('%') + QString::number(marker);
                QVERIFY2(source.contains(place) == text.contains(place),
                         qPrintable(QStringLiteral("%1: '%2' -> '%3'").arg(file, source, text)));
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 100);
}

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
