// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"
#include "result.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace signalbox {

class RequestFilter;
class RequestTableModel;
class RouterService;
struct LedgerRecord;

// The live request log: filters by text, stage, model and status, a detail pane for the selected
// request, and CSV export of the rows shown.
class RequestsPage : public QWidget {
    Q_OBJECT

public:
    explicit RequestsPage(RouterService *service, QWidget *parent = nullptr);

    RequestTableModel *requests() const { return m_requests; }
    RequestFilter *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QTextBrowser *details() const { return m_details; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *stageBox() const { return m_stageBox; }
    QComboBox *modelBox() const { return m_modelBox; }
    QComboBox *statusBox() const { return m_statusBox; }

    // Writes the rows that pass the filters to path as CSV.
    Status exportCsv(const QString &path) const;

public slots:
    // Asks for a file name, then writes the rows shown.
    void exportWithDialog();
    void focusSearch();

signals:
    void statusMessage(const QString &message);

private:
    QWidget *createFilterBar();
    void createTable();
    void addChoices(const ConfigPtr &config);
    void addChoicesFrom(const LedgerRecord &record);
    void addChoice(QComboBox *box, const QString &value, const QString &text);
    void applyFilters();
    void showSelected();

    RequestTableModel *m_requests;
    RequestFilter *m_filter;
    QLineEdit *m_search = nullptr;
    QComboBox *m_stageBox = nullptr;
    QComboBox *m_modelBox = nullptr;
    QComboBox *m_statusBox = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_details = nullptr;
};

} // namespace signalbox
