// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "modelspage.h"

#include "catalogimportdialog.h"
#include "modeldelegate.h"
#include "modeltablemodel.h"

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>
#include <QToolButton>

#include <algorithm>

namespace signalbox {

namespace {

QToolButton *toolButton(QAction *action, QWidget *parent) {
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

} // namespace

ModelsPage::ModelsPage(RouterService *service, QWidget *parent)
    : ConfigEditorPage(service, tr("Models"),
                       tr("Every model the router can call, with its prices in USD per million "
                          "tokens. Double-click a cell to edit it; changes apply when you press "
                          "Apply."),
                       parent)
    , m_table(new ModelTableModel(this))
    , m_delegate(new ModelItemDelegate(this)) {
    setObjectName(QStringLiteral("models"));
    contentLayout()->addWidget(createToolBar());

    m_view = new QTableView(this);
    m_view->setModel(m_table);
    m_view->setItemDelegate(m_delegate);
    m_view->setAccessibleName(tr("Model registry"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    // The list columns' widths follow the window, and their rows' heights follow those widths.
    m_view->viewport()->installEventFilter(this);
    contentLayout()->addWidget(m_view, 1);

    connect(m_table, &ModelTableModel::edited, this, &ModelsPage::markEdited);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ModelsPage::updateActions);
    connect(m_table, &QAbstractItemModel::modelReset, this, &ModelsPage::fitColumns);
    connect(m_table, &QAbstractItemModel::rowsInserted, this, &ModelsPage::fitColumns);
    // Validation marks change tooltips and colours only; rows are refitted when text changes.
    connect(m_table, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                   const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(Qt::DisplayRole))
                    fitRows(topLeft.row(), bottomRight.row());
            });
    updateActions();
}

QWidget *ModelsPage::createToolBar() {
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    QUndoStack *stack = m_table->undoStack();
    m_addAction = new QAction(tr("Add"), this);
    m_addAction->setToolTip(tr("Add a model"));
    m_addAction->setShortcut(QKeySequence::New);
    m_duplicateAction = new QAction(tr("Duplicate"), this);
    m_duplicateAction->setToolTip(tr("Add a copy of the selected model"));
    m_deleteAction = new QAction(tr("Delete"), this);
    m_deleteAction->setToolTip(tr("Delete the selected models"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_undoAction = stack->createUndoAction(this, tr("Undo"));
    m_undoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    m_redoAction = stack->createRedoAction(this, tr("Redo"));
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_importAction = new QAction(tr("Import prices…"), this);
    m_importAction->setToolTip(tr("Add models or update prices from a LiteLLM price catalog "
                                  "(model_prices_and_context_window.json)"));

    // The page may share a window with other editors, so its shortcuts apply only inside it.
    for (QAction *action : {m_addAction, m_duplicateAction, m_deleteAction, m_undoAction,
                            m_redoAction, m_importAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    for (QAction *action : {m_addAction, m_duplicateAction, m_deleteAction})
        layout->addWidget(toolButton(action, bar));
    layout->addSpacing(12);
    layout->addWidget(toolButton(m_undoAction, bar));
    layout->addWidget(toolButton(m_redoAction, bar));
    layout->addSpacing(12);
    layout->addWidget(toolButton(m_importAction, bar));
    layout->addStretch(1);

    connect(m_addAction, &QAction::triggered, this, [this] {
        m_table->addModel(base().providers.value(0).id);
        m_view->setCurrentIndex(m_table->index(m_table->rowCount() - 1, 0));
        m_view->scrollToBottom();
    });
    connect(m_duplicateAction, &QAction::triggered, this, [this] {
        const QList<int> rows = selectedRows();
        if (!rows.isEmpty())
            m_table->duplicateModel(rows.last());
    });
    connect(m_deleteAction, &QAction::triggered, this,
            [this] { m_table->removeModels(selectedRows()); });
    connect(m_importAction, &QAction::triggered, this, &ModelsPage::chooseCatalog);
    return bar;
}

QList<int> ModelsPage::selectedRows() const {
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ModelsPage::updateActions() {
    const bool selected = m_view->selectionModel()->hasSelection();
    m_duplicateAction->setEnabled(selected);
    m_deleteAction->setEnabled(selected);
}

void ModelsPage::fitColumns() {
    for (int column = 0; column < ModelTableModel::ColumnCount; ++column) {
        if (!isListColumn(column))
            m_view->resizeColumnToContents(column);
    }
    fitListColumns();
}

// The two lists share the width the other columns leave, and wrap within it; the tooltip shows
// what a narrow column elides. Each keeps a minimum width, past which the table scrolls instead
// of wrapping a tag onto a line per word.
void ModelsPage::fitListColumns() {
    constexpr int kMinListWidth = 80;
    int others = 0;
    for (int column = 0; column < ModelTableModel::ColumnCount; ++column) {
        if (!isListColumn(column))
            others += m_view->columnWidth(column);
    }
    const int room = m_view->viewport()->width() - others;
    const int strengths = std::max(kMinListWidth, room / 2);
    m_view->setColumnWidth(ModelTableModel::StrengthsColumn, strengths);
    m_view->setColumnWidth(ModelTableModel::CapabilitiesColumn,
                           std::max(kMinListWidth, room - strengths));
    fitRows(0, m_table->rowCount() - 1);
}

bool ModelsPage::isListColumn(int column) {
    return column == ModelTableModel::StrengthsColumn ||
           column == ModelTableModel::CapabilitiesColumn;
}

bool ModelsPage::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitListColumns();
    return ConfigEditorPage::eventFilter(watched, event);
}

void ModelsPage::fitRows(int first, int last) {
    // Long lists wrap onto a second line rather than being cut off; every row keeps some air.
    constexpr int kRowPadding = 8;
    for (int row = first; row <= last; ++row) {
        m_view->resizeRowToContents(row);
        m_view->setRowHeight(row, m_view->rowHeight(row) + kRowPadding);
    }
}

void ModelsPage::loadConfig(const Config &config) {
    QStringList providers;
    for (const ProviderConfig &provider : config.providers)
        providers << provider.id;
    m_delegate->setProviders(providers);
    QStringList stages;
    for (const StageConfig &stage : config.stages)
        stages << stage.name;
    m_delegate->setStrengths(stages);
    m_table->setModels(config.models);
}

void ModelsPage::mergeInto(Config &config) const {
    config.models = m_table->models();
}

QList<ConfigProblem> ModelsPage::showProblems(const QList<ConfigProblem> &problems) {
    return m_table->setProblems(problems);
}

void ModelsPage::chooseCatalog() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import a LiteLLM price catalog"), QString(),
                                     tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importCatalog(path);
}

void ModelsPage::importCatalog(const QString &path) {
    auto *dialog = new CatalogImportDialog(path, m_table->models(), base().providers, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CatalogImportDialog::importRequested, this, [this](const ImportPlan &plan) {
        m_table->importModels(plan.added, plan.updated);
        showStatus(
            tr("Imported: %1 added, %2 updated").arg(plan.added.size()).arg(plan.updated.size()));
    });
    dialog->open();
}

} // namespace signalbox
