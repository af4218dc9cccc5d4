// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The Settings page: the language kept in QSettings, the View menu in step with it, the listen
// address saved to the config file, and the access token kept in the keychain.
#include "consoletesting.h"
#include "keychaintesting.h"
#include "languages.h"
#include "mainwindow.h"
#include "pagetesting.h"
#include "secretfield.h"
#include "secrets/keylookup.h"
#include "settingspage.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QUuid>

using namespace signalbox;
using namespace signalbox::testing;

namespace {

// Returns the View menu's language entry named `name`, or null.
QAction *languageAction(const MainWindow &window, const QString &name) {
    for (QMenu *menu : window.findChildren<QMenu *>()) {
        for (QAction *action : menu->actions()) {
            if (action->text() == name && action->isCheckable())
                return action;
        }
    }
    return nullptr;
}

} // namespace

class TestSettingsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void languageIsSavedAndShown();
    void menuAndPageStayInStep();
    void listenAddressIsSaved();
    void invalidListenAddressBlocksApply();
    void publicAddressIsWarned();
    void accessTokenSavedMaskedAndRemoved();

private:
    QTemporaryDir m_settings;
};

void TestSettingsPage::initTestCase() {
    QVERIFY(m_settings.isValid());
    useTemporarySettings(m_settings);
}

void TestSettingsPage::init() {
    saveLanguage(QString());
}

void TestSettingsPage::languageIsSavedAndShown() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    QVERIFY(router.start());
    SettingsPage page(router.service());
    QCOMPARE(page.languageBox()->currentData().toString(), QString());

    QSignalSpy chosen(&page, &SettingsPage::languageChosen);
    const int german = page.languageBox()->findData(QStringLiteral("de"));
    QVERIFY(german > 0);
    page.languageBox()->setCurrentIndex(german);
    emit page.languageBox()->activated(german);
    QCOMPARE(savedLanguage(), QStringLiteral("de"));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("de"));
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().at(0).toString(), QStringLiteral("de"));
    // The language is not a config edit: Apply stays off.
    QVERIFY(!page.isDirty());

    // A page built later shows the saved choice, and the system entry clears it.
    SettingsPage again(router.service());
    QCOMPARE(again.languageBox()->currentData().toString(), QStringLiteral("de"));
    again.languageBox()->setCurrentIndex(0);
    emit again.languageBox()->activated(0);
    QCOMPARE(savedLanguage(), QString());
    QVERIFY(!QSettings().contains(QStringLiteral("language")));
}

void TestSettingsPage::menuAndPageStayInStep() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    MainWindow window(router.create());
    SettingsPage *page = window.settingsPage();
    QVERIFY(page);
    QCOMPARE(window.pageIndex(QStringLiteral("settings")), window.pageCount() - 1);

    QAction *deutsch = languageAction(window, QStringLiteral("Deutsch"));
    QVERIFY(deutsch);
    deutsch->trigger();
    QCOMPARE(savedLanguage(), QStringLiteral("de"));
    QCOMPARE(page->languageBox()->currentData().toString(), QStringLiteral("de"));

    const int chinese = page->languageBox()->findData(QStringLiteral("zh_CN"));
    page->languageBox()->setCurrentIndex(chinese);
    emit page->languageBox()->activated(chinese);
    QAction *chineseAction = languageAction(window, page->languageBox()->itemText(chinese));
    QVERIFY(chineseAction);
    QVERIFY(chineseAction->isChecked());
    QVERIFY(!deutsch->isChecked());
}

void TestSettingsPage::listenAddressIsSaved() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    QVERIFY(router.start());
    SettingsPage page(router.service());
    QTRY_COMPARE_WITH_TIMEOUT(page.listenEdit()->text(), QStringLiteral("127.0.0.1:0"),
                              kPageWaitMs);
    QVERIFY2(page.listenNote()->text().contains(QStringLiteral("starts again")),
             qPrintable(page.listenNote()->text()));

    page.listenEdit()->setText(QStringLiteral("127.0.0.1:18765"));
    emit page.listenEdit()->textEdited(page.listenEdit()->text());
    QVERIFY(page.isDirty());
    QVERIFY(page.applyButton()->isEnabled());
    QSignalSpy applied(&page, &ConfigEditorPage::applied);
    page.applyButton()->click();
    QVERIFY(applied.wait(kPageWaitMs));

    QCOMPARE(router.service()->config()->server.listen, QStringLiteral("127.0.0.1:18765"));
    QFile file(router.service()->options().configPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("127.0.0.1:18765"));
    // The running endpoint keeps its port until a restart.
    QVERIFY(router.service()->endpoint().port() != 18765);
}

void TestSettingsPage::invalidListenAddressBlocksApply() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    QVERIFY(router.start());
    SettingsPage page(router.service());
    QTRY_VERIFY_WITH_TIMEOUT(!page.listenEdit()->text().isEmpty(), kPageWaitMs);

    page.listenEdit()->setText(QStringLiteral("127.0.0.1:99999"));
    emit page.listenEdit()->textEdited(page.listenEdit()->text());
    QVERIFY(!page.problems().isEmpty());
    QCOMPARE(page.problems().first().path, QStringLiteral("server.listen"));
    QVERIFY(!page.listenEdit()->toolTip().isEmpty());
    QVERIFY(!page.applyButton()->isEnabled());
}

void TestSettingsPage::publicAddressIsWarned() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    QVERIFY(router.start());
    SettingsPage page(router.service());
    QTRY_VERIFY_WITH_TIMEOUT(!page.listenEdit()->text().isEmpty(), kPageWaitMs);
    QVERIFY(!page.listenNote()->text().contains(QStringLiteral("other machines")));

    page.listenEdit()->setText(QStringLiteral("0.0.0.0:8765"));
    emit page.listenEdit()->textEdited(page.listenEdit()->text());
    QVERIFY2(page.listenNote()->text().contains(QStringLiteral("other machines")),
             qPrintable(page.listenNote()->text()));

    page.listenEdit()->setText(QStringLiteral("[::1]:8765"));
    emit page.listenEdit()->textEdited(page.listenEdit()->text());
    QVERIFY(!page.listenNote()->text().contains(QStringLiteral("other machines")));
}

// The field is shown without access_token_ref too, with a note that the endpoint needs no token
// yet. The token goes to the keychain, and the page shows it masked.
void TestSettingsPage::accessTokenSavedMaskedAndRemoved() {
    qunsetenv("SIGNALBOX_ACCESS_TOKEN");
    DemoRouter router;
    QVERIFY(router.start(testKeychainService()));
    SettingsPage page(router.service.get());
    QTRY_VERIFY_WITH_TIMEOUT(
        page.accessTokenNote()->text().contains(QStringLiteral("requires no token")), kPageWaitMs);
    QVERIFY(!page.accessToken()->isHidden());

    Config config = *router.service->config();
    config.server.accessTokenRef = QStringLiteral("local");
    QSignalSpy applied(router.service.get(), &RouterService::configApplied);
    router.service->applyConfig(config);
    QVERIFY(applied.wait(kPageWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(
        page.accessTokenNote()->text().contains(QStringLiteral("access_token_ref is set")),
        kPageWaitMs);

    if (const QString reason = secretServiceMissingReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QTRY_VERIFY_WITH_TIMEOUT(router.service->keychainState().availability ==
                                 KeychainState::Availability::Available,
                             kPageWaitMs);
    SecretField *field = page.accessToken();
    QTRY_VERIFY_WITH_TIMEOUT(field->statusLabel()->text().contains(QStringLiteral("Not set")),
                             kPageWaitMs);

    const QString token = QStringLiteral("sbat-") + QUuid::createUuid().toString(QUuid::Id128);
    QSignalSpy finished(router.service.get(), &RouterService::keyOperationFinished);
    field->edit()->setText(token);
    QCOMPARE(field->edit()->echoMode(), QLineEdit::Password);
    field->saveButton()->click();
    QVERIFY(finished.wait(kPageWaitMs));
    QCOMPARE(finished.first().at(0).toString(), kAccessTokenAccount);
    QVERIFY(finished.first().at(1).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(field->statusLabel()->text().contains(QStringLiteral("keychain")),
                             kPageWaitMs);
    const QString status = field->statusLabel()->text();
    QVERIFY2(status.contains(token.right(4)), qPrintable(status));
    QVERIFY(!status.contains(token.mid(3, 12)));
    QVERIFY(field->edit()->text().isEmpty());

    finished.clear();
    field->removeButton()->click();
    QVERIFY(finished.wait(kPageWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(field->statusLabel()->text().contains(QStringLiteral("Not set")),
                             kPageWaitMs);
}

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
