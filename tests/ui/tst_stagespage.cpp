// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "pagetesting.h"
#include "stagespage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>

using namespace signalbox;

namespace {

QStringList texts(const QListWidget *list) {
    QStringList result;
    for (int row = 0; row < list->count(); ++row)
        result << list->item(row)->text();
    return result;
}

void check(QListWidget *list, const QString &text, bool checked) {
    const QList<QListWidgetItem *> items = list->findItems(text, Qt::MatchExactly);
    QVERIFY2(!items.isEmpty(), qPrintable(text));
    items.first()->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

} // namespace

class TestStagesPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fallbackOrderAndAllowedApply();
    void disallowedFallbackIsMarked();
    void choicesFollowAllowedModels();
    void overrideAndBudgetApply();
    void previewShowsEditedDecision();
    void previewFormatsCostForLocale();
    void smallStageBudgetKept();
    void longStageNamesShowTheirEnd();
    void addAndRemoveStage();

private:
    bool apply();
    const StageConfig *applied(const QString &name) const {
        return m_router.service->config()->findStage(name);
    }

    testing::DemoRouter m_router;
    std::unique_ptr<StagesPage> m_page;
};

void TestStagesPage::init() {
    QVERIFY(m_router.start());
    m_page = std::make_unique<StagesPage>(m_router.service.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->stageList()->count(), 5, testing::kPageWaitMs);
}

void TestStagesPage::cleanup() {
    m_page.reset();
    m_router.service.reset();
}

bool TestStagesPage::apply() {
    if (!m_page->applyButton()->isEnabled())
        return false;
    QSignalSpy done(m_page.get(), &ConfigEditorPage::applied);
    m_page->applyButton()->click();
    return done.wait(testing::kPageWaitMs);
}

void TestStagesPage::fallbackOrderAndAllowedApply() {
    m_page->selectStage(QStringLiteral("code"));
    QCOMPARE(m_page->currentStage(), QStringLiteral("code"));
    QListWidget *fallbacks = m_page->fallbackList();
    QCOMPARE(texts(fallbacks),
             QStringList({QStringLiteral("claude-sonnet-4-5"), QStringLiteral("deepseek-chat")}));

    // What a drag does to the list: move the second fallback to the top.
    QVERIFY(fallbacks->model()->moveRow({}, 1, {}, 0));
    QCOMPARE(texts(fallbacks),
             QStringList({QStringLiteral("deepseek-chat"), QStringLiteral("claude-sonnet-4-5")}));
    QVERIFY(m_page->isDirty());

    for (const QString &model : {QStringLiteral("gpt-4.1"), QStringLiteral("deepseek-chat"),
                                 QStringLiteral("claude-sonnet-4-5")})
        check(m_page->allowedList(), model, true);
    QVERIFY(m_page->problems().isEmpty());
    QVERIFY(apply());

    const StageConfig *code = applied(QStringLiteral("code"));
    QVERIFY(code);
    QCOMPARE(code->fallbacks,
             QStringList({QStringLiteral("deepseek-chat"), QStringLiteral("claude-sonnet-4-5")}));
    QCOMPARE(code->allowed,
             QStringList({QStringLiteral("gpt-4.1"), QStringLiteral("claude-sonnet-4-5"),
                          QStringLiteral("deepseek-chat")}));
}

void TestStagesPage::disallowedFallbackIsMarked() {
    m_page->selectStage(QStringLiteral("architecture"));
    check(m_page->allowedList(), QStringLiteral("gpt-4.1"), false);

    bool found = false;
    for (const ConfigProblem &problem : m_page->problems())
        found = found || problem.path == QStringLiteral("stages.architecture.fallbacks[0]");
    QVERIFY(found);
    QVERIFY2(m_page->fallbackList()->toolTip().contains(QStringLiteral("allowed list")),
             qPrintable(m_page->fallbackList()->toolTip()));
    QVERIFY(!m_page->applyButton()->isEnabled());

    // The stage list flags the stage too, with the problem on hover.
    const QListWidgetItem *item =
        m_page->stageList()->findItems(QStringLiteral("architecture"), Qt::MatchExactly).first();
    QVERIFY(!item->icon().isNull());
    QVERIFY(item->toolTip().contains(QStringLiteral("fallbacks[0]")));

    check(m_page->allowedList(), QStringLiteral("gpt-4.1"), true);
    QVERIFY(m_page->problems().isEmpty());
    QVERIFY(m_page->fallbackList()->toolTip().isEmpty() ||
            !m_page->fallbackList()->toolTip().contains(QStringLiteral("allowed list")));
}

void TestStagesPage::choicesFollowAllowedModels() {
    m_page->selectStage(QStringLiteral("ui"));
    const auto choices = [](const QComboBox *box) {
        QStringList items;
        for (int i = 0; i < box->count(); ++i)
            items << box->itemText(i);
        return items;
    };
    const QStringList everyModel = choices(m_page->fallbackChoice());
    QVERIFY(everyModel.size() > 2);
    const QString stageModel = m_page->modelCombo()->currentText();

    // With models checked, only they are offered as fallbacks and for a pin.
    for (int row = 0; row < m_page->allowedList()->count(); ++row)
        m_page->allowedList()->item(row)->setCheckState(Qt::Unchecked);
    const QStringList two{QStringLiteral("claude-haiku-4-5"), QStringLiteral("gpt-4.1")};
    for (const QString &model : two)
        check(m_page->allowedList(), model, true);
    QStringList offered = choices(m_page->fallbackChoice());
    offered.sort();
    QCOMPARE(offered, two);
    offered = choices(m_page->overrideModelCombo());
    offered.sort();
    QCOMPARE(offered, two);

    // The stage's own model stays chosen; the problem list reports whether it is still allowed.
    QCOMPARE(m_page->modelCombo()->currentText(), stageModel);

    // Coming back to the stage keeps its choices, and an empty list offers every model again.
    m_page->selectStage(QStringLiteral("code"));
    m_page->selectStage(QStringLiteral("ui"));
    offered = choices(m_page->fallbackChoice());
    offered.sort();
    QCOMPARE(offered, two);
    for (const QString &model : two)
        check(m_page->allowedList(), model, false);
    QCOMPARE(choices(m_page->fallbackChoice()), everyModel);
}

void TestStagesPage::overrideAndBudgetApply() {
    m_page->selectStage(QStringLiteral("ui"));
    const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(3600);
    m_page->overrideCheck()->setChecked(true);
    m_page->overrideModelCombo()->setCurrentText(QStringLiteral("claude-haiku-4-5"));
    m_page->overrideUntilEdit()->setDateTime(until.toLocalTime());
    m_page->budgetSpin()->setValue(3.5);
    QVERIFY(m_page->problems().isEmpty());
    QVERIFY(apply());

    const StageConfig *ui = applied(QStringLiteral("ui"));
    QVERIFY(ui->stageOverride.has_value());
    QCOMPARE(ui->stageOverride->model, QStringLiteral("claude-haiku-4-5"));
    // The editor shows minutes, so the applied time is the chosen time to the minute.
    QVERIFY(qAbs(ui->stageOverride->until.secsTo(until)) < 60);
    QCOMPARE(m_router.service->config()->gates.stageBudgetsUsd.value(QStringLiteral("ui")), 3.5);

    // Unpinning removes the override.
    m_page->overrideCheck()->setChecked(false);
    QVERIFY(apply());
    QVERIFY(!applied(QStringLiteral("ui"))->stageOverride.has_value());
}

void TestStagesPage::previewShowsEditedDecision() {
    m_page->selectStage(QStringLiteral("summarize"));
    QSignalSpy shown(m_page.get(), &StagesPage::previewShown);
    m_page->runPreview();
    QVERIFY(shown.wait(testing::kPageWaitMs));
    RoutePreview preview = shown.takeFirst().at(0).value<RoutePreview>();
    QVERIFY(preview.routed);
    QCOMPARE(preview.model, QStringLiteral("gemini-2.5-flash"));
    QCOMPARE(preview.level, QStringLiteral("stage"));
    QVERIFY(m_page->previewResult()->text().contains(QStringLiteral("gemini-2.5-flash")));

    // The preview uses the edits before they are applied.
    m_page->modelCombo()->setCurrentText(QStringLiteral("deepseek-chat"));
    m_page->runPreview();
    QVERIFY(shown.wait(testing::kPageWaitMs));
    preview = shown.takeFirst().at(0).value<RoutePreview>();
    QCOMPARE(preview.model, QStringLiteral("deepseek-chat"));
    QCOMPARE(m_router.service->config()->findStage(QStringLiteral("summarize"))->model,
             QStringLiteral("gemini-2.5-flash"));
}

void TestStagesPage::previewFormatsCostForLocale() {
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    m_page->selectStage(QStringLiteral("summarize"));
    QSignalSpy shown(m_page.get(), &StagesPage::previewShown);
    m_page->runPreview();
    const bool wasShown = shown.wait(testing::kPageWaitMs);
    QLocale::setDefault(previous);
    QVERIFY(wasShown);

    // German writes a decimal comma, as the status bar and the playground do.
    const RoutePreview preview = shown.takeFirst().at(0).value<RoutePreview>();
    QVERIFY(preview.worstCaseCostUsd > 0);
    const QString text = m_page->previewResult()->text();
    const QString cost = QLocale(QLocale::German, QLocale::Germany)
                             .toString(preview.worstCaseCostUsd, 'f', 5)
                             .left(4);
    QVERIFY2(text.contains(QStringLiteral("$") + cost), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("$0.")), qPrintable(text));
}

// A stage budget below one cent is valid, and the editor shows and applies it unrounded.
void TestStagesPage::smallStageBudgetKept() {
    Config edited = *m_router.service->config();
    edited.gates.stageBudgetsUsd.insert(QStringLiteral("ui"), 0.004);
    QSignalSpy loaded(m_router.service.get(), &RouterService::configChanged);
    m_router.service->applyConfig(edited);
    QVERIFY(loaded.wait(testing::kPageWaitMs));
    m_page->selectStage(QStringLiteral("ui"));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->budgetSpin()->value(), 0.004, testing::kPageWaitMs);
    QCOMPARE(m_page->budgetSpin()->text(), QStringLiteral("$0.004"));

    m_page->modelCombo()->setCurrentText(QStringLiteral("deepseek-chat"));
    QVERIFY(apply());
    QCOMPARE(m_router.service->config()->gates.stageBudgetsUsd.value(QStringLiteral("ui")), 0.004);
}

// Long names with a common start differ at their end, which the list keeps in view.
void TestStagesPage::longStageNamesShowTheirEnd() {
    QListWidget *list = m_page->stageList();
    QCOMPARE(list->textElideMode(), Qt::ElideMiddle);
    QCOMPARE(list->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    for (int row = 0; row < list->count(); ++row)
        QCOMPARE(list->item(row)->toolTip(), list->item(row)->text());
}

void TestStagesPage::addAndRemoveStage() {
    QLineEdit *name = m_page->newStageEdit();
    name->setText(QStringLiteral("review"));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(m_page->stageList()->count(), 6);
    QCOMPARE(m_page->currentStage(), QStringLiteral("review"));
    QCOMPARE(m_page->modelCombo()->currentText(), QStringLiteral("auto"));
    QVERIFY(apply());
    QVERIFY(applied(QStringLiteral("review")));

    // Removing a stage with a budget removes the budget too, so the config stays valid.
    m_page->selectStage(QStringLiteral("ui"));
    m_page->removeStageButton()->click();
    QCOMPARE(m_page->stageList()->count(), 5);
    QVERIFY(m_page->problems().isEmpty());
    QVERIFY(apply());
    QVERIFY(!applied(QStringLiteral("ui")));
    QVERIFY(!m_router.service->config()->gates.stageBudgetsUsd.contains(QStringLiteral("ui")));
}

QTEST_MAIN(TestStagesPage)
#include "tst_stagespage.moc"
