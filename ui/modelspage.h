// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "configeditorpage.h"

class QAction;
class QTableView;

namespace signalbox {

class ModelItemDelegate;
class ModelTableModel;

// The model registry editor: a table of every model with its provider, prices, limits, quality,
// strengths and capabilities. Edits are validated as they are made and can be undone; models can
// be added, duplicated, deleted and imported from a LiteLLM price catalog.
class ModelsPage : public ConfigEditorPage {
    Q_OBJECT

public:
    explicit ModelsPage(RouterService *service, QWidget *parent = nullptr);

    ModelTableModel *tableModel() const { return m_table; }
    QTableView *view() const { return m_view; }

    // Opens the catalog import for the file; the file dialog of the Import button ends here.
    void importCatalog(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void loadConfig(const Config &config) override;
    void mergeInto(Config &config) const override;
    QList<ConfigProblem> showProblems(const QList<ConfigProblem> &problems) override;

private:
    QWidget *createToolBar();
    QList<int> selectedRows() const;
    void chooseCatalog();
    void updateActions();
    void fitColumns();
    void fitListColumns();
    static bool isListColumn(int column);
    void fitRows(int first, int last);

    ModelTableModel *m_table;
    ModelItemDelegate *m_delegate;
    QTableView *m_view = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_importAction = nullptr;
};

} // namespace signalbox
