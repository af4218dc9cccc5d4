// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "checklisteditor.h"
#include "modeldelegate.h"
#include "modelspage.h"
#include "modeltablemodel.h"
#include "pagetesting.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>

using namespace signalbox;

namespace {

QStringList ids(const ModelTableModel *table) {
    QStringList result;
    for (const ModelConfig &model : table->models())
        result << model.id;
    return result;
}

QStringList problemPaths(const QList<ConfigProblem> &problems) {
    QStringList paths;
    for (const ConfigProblem &problem : problems)
        paths << problem.path;
    return paths;
}

} // namespace

class TestModelsPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void invalidPriceMarksCell();
    void duplicateIdMarksCell();
    void addDuplicateDeleteUndoRedo();
    void keyboardUndoRedo();
    void delegateEditorsWriteValues();
    void reasoningFactorColumn();
    void columnsFitBesideSidebar();
    void reasoningFactorEditor();
    void invalidReasoningFactorMarksCell();
    void unchangedEditorWritesNothing();
    void applyReachesRouter();
    void revertDropsEdits();

private:
    QModelIndex cell(int row, int column) const { return m_page->tableModel()->index(row, column); }

    testing::DemoRouter m_router;
    std::unique_ptr<ModelsPage> m_page;
};

void TestModelsPage::init() {
    QVERIFY(m_router.start());
    m_page = std::make_unique<ModelsPage>(m_router.service.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->tableModel()->rowCount(), 6, testing::kPageWaitMs);
}

void TestModelsPage::cleanup() {
    m_page.reset();
    m_router.service.reset();
}

void TestModelsPage::invalidPriceMarksCell() {
    ModelTableModel *table = m_page->tableModel();
    QVERIFY(table->setData(cell(0, ModelTableModel::OutputPriceColumn), -1.0));

    QVERIFY(problemPaths(m_page->problems())
                .contains(QStringLiteral("models[0].price_per_mtok.output")));
    const QString tooltip =
        cell(0, ModelTableModel::OutputPriceColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QStringLiteral("must be >= 0")), qPrintable(tooltip));
    QVERIFY(cell(0, ModelTableModel::OutputPriceColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!cell(0, ModelTableModel::InputPriceColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!m_page->applyButton()->isEnabled());

    table->undoStack()->undo();
    QVERIFY(m_page->problems().isEmpty());
    QVERIFY(!cell(0, ModelTableModel::OutputPriceColumn).data(Qt::BackgroundRole).isValid());
    QCOMPARE(table->models().at(0).price.output, 0.60);
}

void TestModelsPage::duplicateIdMarksCell() {
    ModelTableModel *table = m_page->tableModel();
    QVERIFY(table->setData(cell(1, ModelTableModel::IdColumn), QStringLiteral("gpt-4o-mini")));
    const QString tooltip = cell(1, ModelTableModel::IdColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QStringLiteral("duplicate model id")), qPrintable(tooltip));

    // The renamed model is still referenced by stages, so those problems are listed too.
    QVERIFY(problemPaths(m_page->problems()).contains(QStringLiteral("models[1].id")));
    QVERIFY(!m_page->applyButton()->isEnabled());
}

void TestModelsPage::addDuplicateDeleteUndoRedo() {
    ModelTableModel *table = m_page->tableModel();
    QUndoStack *stack = table->undoStack();
    const QStringList original = ids(table);

    table->addModel(QStringLiteral("simulated"));
    QCOMPARE(table->rowCount(), 7);
    QCOMPARE(table->models().last().id, QStringLiteral("new-model"));
    QCOMPARE(table->models().last().provider, QStringLiteral("simulated"));
    QVERIFY(m_page->problems().isEmpty());

    table->duplicateModel(0);
    QCOMPARE(table->rowCount(), 8);
    QCOMPARE(table->models().at(1).id, QStringLiteral("gpt-4o-mini-copy"));
    QCOMPARE(table->models().at(1).price.output, table->models().at(0).price.output);

    table->removeModels({0, 2, 1});
    QCOMPARE(table->rowCount(), 5);
    QVERIFY(!ids(table).contains(QStringLiteral("gpt-4o-mini")));

    stack->undo(); // the delete
    QCOMPARE(ids(table).mid(0, 3),
             QStringList({QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-4o-mini-copy"),
                          QStringLiteral("gpt-4.1")}));
    stack->undo(); // the duplicate
    stack->undo(); // the add
    QCOMPARE(ids(table), original);
    QVERIFY(!stack->canUndo());

    stack->redo();
    stack->redo();
    QCOMPARE(table->rowCount(), 8);
    QCOMPARE(table->models().at(1).id, QStringLiteral("gpt-4o-mini-copy"));
}

void TestModelsPage::keyboardUndoRedo() {
    m_page->show();
    QApplication::setActiveWindow(m_page.get());
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    m_page->view()->setFocus();

    ModelTableModel *table = m_page->tableModel();
    QVERIFY(table->setData(cell(2, ModelTableModel::QualityColumn), 95));
    QCOMPARE(table->models().at(2).quality, 95);

    QTest::keyClick(m_page->view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(table->models().at(2).quality, 89);
    QTest::keyClick(m_page->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(table->models().at(2).quality, 95);
}

void TestModelsPage::delegateEditorsWriteValues() {
    ModelTableModel *table = m_page->tableModel();
    auto *delegate = qobject_cast<ModelItemDelegate *>(m_page->view()->itemDelegate());
    QVERIFY(delegate);
    QStyleOptionViewItem option;
    QWidget *viewport = m_page->view()->viewport();

    const QModelIndex provider = cell(0, ModelTableModel::ProviderColumn);
    std::unique_ptr<QWidget> editor(delegate->createEditor(viewport, option, provider));
    auto *combo = qobject_cast<QComboBox *>(editor.get());
    QVERIFY(combo);
    QCOMPARE(combo->count(), 1);
    QCOMPARE(combo->itemText(0), QStringLiteral("simulated"));

    const QModelIndex capabilities = cell(5, ModelTableModel::CapabilitiesColumn);
    editor.reset(delegate->createEditor(viewport, option, capabilities));
    auto *checks = qobject_cast<CheckListEditor *>(editor.get());
    QVERIFY(checks);
    delegate->setEditorData(checks, capabilities);
    QCOMPARE(checks->checked(), QStringList({QStringLiteral("tools"), QStringLiteral("json")}));
    checks->setChecked({QStringLiteral("tools"), QStringLiteral("vision")});
    delegate->setModelData(checks, table, capabilities);
    QCOMPARE(table->models().at(5).capabilities,
             QStringList({QStringLiteral("tools"), QStringLiteral("vision")}));

    const QModelIndex price = cell(5, ModelTableModel::InputPriceColumn);
    editor.reset(delegate->createEditor(viewport, option, price));
    auto *spin = qobject_cast<QDoubleSpinBox *>(editor.get());
    QVERIFY(spin);
    QCOMPARE(spin->minimum(), 0.0);
    spin->setValue(0.35);
    delegate->setModelData(spin, table, price);
    QCOMPARE(table->models().at(5).price.input, 0.35);
    QCOMPARE(table->undoStack()->count(), 2);
}

void TestModelsPage::reasoningFactorColumn() {
    const ModelTableModel *table = m_page->tableModel();
    const int column = ModelTableModel::ReasoningFactorColumn;
    QCOMPARE(ModelTableModel::columnTitle(column), QStringLiteral("Reasoning ×"));
    QCOMPARE(table->headerData(column, Qt::Horizontal).toString(), QStringLiteral("Reasoning\n×"));
    const QString tooltip = table->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QStringLiteral("reasoning tokens")), qPrintable(tooltip));

    // The demo config sets 1 for gemini-2.5-flash and leaves the others at the default 0.
    const QStringList models = ids(table);
    const int gemini = int(models.indexOf(QStringLiteral("gemini-2.5-flash")));
    const int chat = int(models.indexOf(QStringLiteral("deepseek-chat")));
    QVERIFY(gemini >= 0);
    QVERIFY(chat >= 0);
    QCOMPARE(cell(gemini, column).data(Qt::DisplayRole).toString(), QStringLiteral("1"));
    QCOMPARE(cell(gemini, column).data(Qt::EditRole).toDouble(), 1.0);
    QCOMPARE(cell(chat, column).data(Qt::DisplayRole).toString(), QStringLiteral("0"));
    QCOMPARE(cell(chat, column).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QVERIFY(!m_page->view()->isColumnHidden(column));
    QVERIFY(m_page->view()->columnWidth(column) > 0);
}

// The page beside the console's sidebar in a window 1280 pixels wide shows every column without
// scrolling sideways.
void TestModelsPage::columnsFitBesideSidebar() {
    constexpr int kSidebarWidth = 190; // the main window's navigation list
    constexpr int kPageWidth = 1280 - kSidebarWidth;
    m_page->resize(kPageWidth, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTest::qWait(100);
    QTableView *view = m_page->view();
    int total = 0;
    for (int column = 0; column < ModelTableModel::ColumnCount; ++column)
        total += view->columnWidth(column);
    QVERIFY2(total <= view->viewport()->width(),
             qPrintable(QStringLiteral("columns %1 px, viewport %2 px")
                            .arg(total)
                            .arg(view->viewport()->width())));
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);

    // The two lists share the room the other columns leave, so neither is cut at the right edge.
    const int strengths = view->columnWidth(ModelTableModel::StrengthsColumn);
    const int capabilities = view->columnWidth(ModelTableModel::CapabilitiesColumn);
    QVERIFY2(qAbs(strengths - capabilities) <= 1,
             qPrintable(QStringLiteral("%1 and %2 px").arg(strengths).arg(capabilities)));
    QVERIFY2(view->viewport()->width() - total <= 1,
             qPrintable(QStringLiteral("%1 px left").arg(view->viewport()->width() - total)));

    // A wider window widens the lists.
    m_page->resize(kPageWidth + 200, 700);
    QTRY_VERIFY(view->columnWidth(ModelTableModel::StrengthsColumn) >= strengths + 99);
}

void TestModelsPage::reasoningFactorEditor() {
    ModelTableModel *table = m_page->tableModel();
    auto *delegate = qobject_cast<ModelItemDelegate *>(m_page->view()->itemDelegate());
    QVERIFY(delegate);
    const QModelIndex factor = cell(1, ModelTableModel::ReasoningFactorColumn);
    std::unique_ptr<QWidget> editor(
        delegate->createEditor(m_page->view()->viewport(), QStyleOptionViewItem(), factor));
    auto *spin = qobject_cast<QDoubleSpinBox *>(editor.get());
    QVERIFY(spin);
    QCOMPARE(spin->minimum(), 0.0);
    QCOMPARE(spin->maximum(), 100.0);
    QCOMPARE(spin->singleStep(), 0.5);
    QVERIFY(!spin->toolTip().isEmpty());

    delegate->setEditorData(spin, factor);
    QCOMPARE(spin->value(), 0.0);
    spin->stepUp();
    spin->stepUp();
    spin->stepUp();
    delegate->setModelData(spin, table, factor);
    QCOMPARE(table->models().at(1).reasoningOutputFactor, 1.5);
    QCOMPARE(factor.data(Qt::DisplayRole).toString(), QLocale().toString(1.5));
    QVERIFY(m_page->isDirty());
    QVERIFY(m_page->applyButton()->isEnabled());

    table->undoStack()->undo();
    QCOMPARE(table->models().at(1).reasoningOutputFactor, 0.0);
    table->undoStack()->redo();
    QCOMPARE(table->models().at(1).reasoningOutputFactor, 1.5);

    QSignalSpy applied(m_page.get(), &ConfigEditorPage::applied);
    m_page->applyButton()->click();
    QVERIFY(applied.wait(testing::kPageWaitMs));
    const ModelConfig *model = m_router.service->config()->findModel(QStringLiteral("gpt-4.1"));
    QVERIFY(model);
    QCOMPARE(model->reasoningOutputFactor, 1.5);
}

void TestModelsPage::invalidReasoningFactorMarksCell() {
    ModelTableModel *table = m_page->tableModel();
    const QModelIndex factor = cell(0, ModelTableModel::ReasoningFactorColumn);
    QVERIFY(table->setData(factor, 150.0));

    QVERIFY(problemPaths(m_page->problems())
                .contains(QStringLiteral("models[0].reasoning_output_factor")));
    const QString tooltip = factor.data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QStringLiteral("between 0 and 100")), qPrintable(tooltip));
    QVERIFY(factor.data(Qt::BackgroundRole).isValid());
    QVERIFY(!cell(0, ModelTableModel::QualityColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!m_page->applyButton()->isEnabled());

    QVERIFY(table->setData(factor, 3.0));
    QVERIFY(m_page->problems().isEmpty());
    QVERIFY(!factor.data(Qt::BackgroundRole).isValid());
    QVERIFY(m_page->applyButton()->isEnabled());
}

// An editor that opens and closes without a change leaves a value its spin box cannot show
// exactly, 0.125 with two decimals, as it was.
void TestModelsPage::unchangedEditorWritesNothing() {
    ModelTableModel *table = m_page->tableModel();
    auto *delegate = qobject_cast<ModelItemDelegate *>(m_page->view()->itemDelegate());
    QVERIFY(delegate);
    const QModelIndex factor = cell(2, ModelTableModel::ReasoningFactorColumn);
    QVERIFY(table->setData(factor, 0.125));
    QCOMPARE(table->undoStack()->count(), 1);

    std::unique_ptr<QWidget> editor(
        delegate->createEditor(m_page->view()->viewport(), QStyleOptionViewItem(), factor));
    delegate->setEditorData(editor.get(), factor);
    delegate->setModelData(editor.get(), table, factor);
    QCOMPARE(table->models().at(2).reasoningOutputFactor, 0.125);
    QCOMPARE(table->undoStack()->count(), 1);

    const QModelIndex price = cell(2, ModelTableModel::InputPriceColumn);
    QVERIFY(table->setData(price, 0.00012));
    editor.reset(delegate->createEditor(m_page->view()->viewport(), QStyleOptionViewItem(), price));
    delegate->setEditorData(editor.get(), price);
    delegate->setModelData(editor.get(), table, price);
    QCOMPARE(table->models().at(2).price.input, 0.00012);
    QCOMPARE(table->undoStack()->count(), 2);
}

void TestModelsPage::applyReachesRouter() {
    ModelTableModel *table = m_page->tableModel();
    QVERIFY(table->setData(cell(1, ModelTableModel::OutputPriceColumn), 7.5));
    QVERIFY(m_page->isDirty());
    QVERIFY(m_page->applyButton()->isEnabled());

    QSignalSpy applied(m_page.get(), &ConfigEditorPage::applied);
    m_page->applyButton()->click();
    QVERIFY(applied.wait(testing::kPageWaitMs));
    QCOMPARE(m_router.service->config()->findModel(QStringLiteral("gpt-4.1"))->price.output, 7.5);
    QVERIFY(!m_page->isDirty());
    QVERIFY(!m_page->applyButton()->isEnabled());
    QCOMPARE(table->models().at(1).price.output, 7.5);
}

void TestModelsPage::revertDropsEdits() {
    ModelTableModel *table = m_page->tableModel();
    table->addModel(QStringLiteral("simulated"));
    QVERIFY(m_page->revertButton()->isEnabled());
    m_page->revertButton()->click();
    QCOMPARE(table->rowCount(), 6);
    QVERIFY(!m_page->isDirty());
}

QTEST_MAIN(TestModelsPage)
#include "tst_modelspage.moc"
