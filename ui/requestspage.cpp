// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "requestspage.h"

#include "requestcsv.h"
#include "requestdetails.h"
#include "requestfilter.h"
#include "requesttablemodel.h"
#include "service/routerservice.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace signalbox {

namespace {

// Rows after which new rows no longer refit the columns, which would make them jump.
constexpr int FitColumnsUpToRows = 20;

} // namespace

RequestsPage::RequestsPage(RouterService *service, QWidget *parent)
    : QWidget(parent)
    , m_requests(new RequestTableModel(this))
    , m_filter(new RequestFilter(this)) {
    setObjectName(QStringLiteral("requests"));
    m_filter->setRequests(m_requests);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(createFilterBar());
    createTable();

    m_details = new QTextBrowser(this);
    m_details->setAccessibleName(tr("Request details"));
    m_details->setPlaceholderText(tr("Select a request to see its decision trace, attempts, "
                                     "tokens, cost and timings."));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({700, 380});
    layout->addWidget(split, 1);

    connect(service, &RouterService::recentLoaded, m_requests, &RequestTableModel::setRecords);
    connect(service, &RouterService::requestRecorded, m_requests, &RequestTableModel::addRecord);
    connect(service, &RouterService::configChanged, this, &RequestsPage::addChoices);
    connect(service, &RouterService::requestRecorded, this, &RequestsPage::addChoicesFrom);
    connect(service, &RouterService::recentLoaded, this, [this](const QList<LedgerRecord> &rows) {
        for (const LedgerRecord &record : rows)
            addChoicesFrom(record);
    });
}

QWidget *RequestsPage::createFilterBar() {
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(tr("Search id, model, stage, error, trace… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search requests"));
    layout->addWidget(m_search, 2);

    m_stageBox = new QComboBox(bar);
    m_stageBox->setAccessibleName(tr("Filter by stage"));
    m_stageBox->addItem(tr("All stages"), QString());
    m_stageBox->addItem(tr("(no stage)"), RequestFilter::NoStage);
    m_modelBox = new QComboBox(bar);
    m_modelBox->setAccessibleName(tr("Filter by model"));
    m_modelBox->addItem(tr("All models"), QString());
    m_statusBox = new QComboBox(bar);
    m_statusBox->setAccessibleName(tr("Filter by status"));
    m_statusBox->addItem(tr("All statuses"), QString());
    m_statusBox->addItem(tr("ok"), QStringLiteral("ok"));
    m_statusBox->addItem(tr("error"), QStringLiteral("error"));
    m_statusBox->addItem(tr("rejected"), QStringLiteral("rejected"));
    m_statusBox->addItem(tr("client cancelled"), QStringLiteral("client_cancelled"));
    for (QComboBox *box : {m_stageBox, m_modelBox, m_statusBox}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        layout->addWidget(box);
        connect(box, &QComboBox::currentIndexChanged, this, &RequestsPage::applyFilters);
    }
    connect(m_search, &QLineEdit::textChanged, this, &RequestsPage::applyFilters);

    m_exportButton = new QPushButton(tr("&Export CSV…"), bar);
    m_exportButton->setToolTip(tr("Save the requests shown as a CSV file"));
    connect(m_exportButton, &QPushButton::clicked, this, &RequestsPage::exportWithDialog);
    layout->addWidget(m_exportButton);
    return bar;
}

void RequestsPage::createTable() {
    m_table = new QTableView(this);
    m_table->setModel(m_filter);
    m_table->setAccessibleName(tr("Requests"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);

    // The header sizes its sections once, before any rows exist. So the columns are fitted to
    // their contents again when the first rows arrive, and the user may still drag them later.
    const auto fitColumns = [this] {
        for (int column = 0; column < RequestTableModel::ColumnCount - 1; ++column)
            m_table->resizeColumnToContents(column);
    };
    connect(m_requests, &QAbstractItemModel::modelReset, m_table, fitColumns);
    connect(m_requests, &QAbstractItemModel::rowsInserted, m_table, [this, fitColumns] {
        if (m_requests->rowCount() <= FitColumnsUpToRows)
            fitColumns();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RequestsPage::showSelected);
}

void RequestsPage::addChoice(QComboBox *box, const QString &value, const QString &text) {
    if (value.isEmpty() || box->findData(value) >= 0)
        return;
    // Keep the "All" entry (and "(no stage)") first and the rest sorted.
    int row = box == m_stageBox ? 2 : 1;
    while (row < box->count() && box->itemText(row).localeAwareCompare(text) < 0)
        ++row;
    box->insertItem(row, text, value);
}

void RequestsPage::addChoices(const ConfigPtr &config) {
    if (!config)
        return;
    for (const StageConfig &stage : config->stages)
        addChoice(m_stageBox, stage.name, stage.name);
    for (const ModelConfig &model : config->models)
        addChoice(m_modelBox, model.id, model.id);
}

void RequestsPage::addChoicesFrom(const LedgerRecord &record) {
    addChoice(m_stageBox, record.stage, record.stage);
    addChoice(m_modelBox, record.model, record.model);
}

void RequestsPage::applyFilters() {
    m_filter->setSearchText(m_search->text());
    m_filter->setStage(m_stageBox->currentData().toString());
    m_filter->setModel(m_modelBox->currentData().toString());
    m_filter->setStatus(m_statusBox->currentData().toString());
}

void RequestsPage::showSelected() {
    const LedgerRecord *record = m_filter->recordAt(m_table->currentIndex());
    if (!record) {
        m_details->clear();
        return;
    }
    m_details->setHtml(RequestDetails::html(*record));
}

Status RequestsPage::exportCsv(const QString &path) const {
    return writeRequestsCsv(path, m_filter->visibleRecords());
}

void RequestsPage::exportWithDialog() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export requests as CSV"),
        QDir(folder).filePath(QStringLiteral("signalbox-requests.csv")),
        tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const Status written = exportCsv(path);
    emit statusMessage(written.ok()
                           ? tr("Exported %n request(s) to %1", nullptr, int(m_filter->rowCount()))
                                 .arg(QDir::toNativeSeparators(path))
                           : tr("Export failed: %1").arg(written.error()));
}

void RequestsPage::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

} // namespace signalbox
