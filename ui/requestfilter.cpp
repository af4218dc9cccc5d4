// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "requestfilter.h"

#include "requesttablemodel.h"

namespace signalbox {

// Starts with a control character, which no stage name in a config file is expected to have.
const QString RequestFilter::NoStage = QStringLiteral("\x01no-stage");

RequestFilter::RequestFilter(QObject *parent)
    : QSortFilterProxyModel(parent) {
}

void RequestFilter::setRequests(RequestTableModel *requests) {
    m_requests = requests;
    setSourceModel(requests);
}

void RequestFilter::setSearchText(const QString &text) {
    m_text = text.trimmed();
    invalidateFilter();
}

void RequestFilter::setStage(const QString &stage) {
    m_stage = stage;
    invalidateFilter();
}

void RequestFilter::setModel(const QString &model) {
    m_model = model;
    invalidateFilter();
}

void RequestFilter::setStatus(const QString &status) {
    m_status = status;
    invalidateFilter();
}

bool RequestFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (!m_requests || sourceParent.isValid() || sourceRow >= m_requests->rowCount())
        return false;
    const LedgerRecord &record = m_requests->record(sourceRow);

    if (m_stage == NoStage ? !record.stage.isEmpty()
                           : !m_stage.isEmpty() && record.stage != m_stage)
        return false;
    if (!m_model.isEmpty() && record.model != m_model)
        return false;
    if (!m_status.isEmpty() && record.status != m_status)
        return false;
    return m_text.isEmpty() || matchesText(record);
}

bool RequestFilter::matchesText(const LedgerRecord &record) const {
    const QString fields[] = {record.requestId, record.stage,  record.route, record.model,
                              record.provider,  record.status, record.error};
    for (const QString &field : fields) {
        if (field.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    for (const QString &line : record.trace) {
        if (line.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QList<LedgerRecord> RequestFilter::visibleRecords() const {
    QList<LedgerRecord> records;
    for (int row = 0; row < rowCount(); ++row) {
        if (const LedgerRecord *record = recordAt(index(row, 0)))
            records.append(*record);
    }
    return records;
}

const LedgerRecord *RequestFilter::recordAt(const QModelIndex &proxyIndex) const {
    const QModelIndex source = mapToSource(proxyIndex);
    if (!m_requests || !source.isValid())
        return nullptr;
    return &m_requests->record(source.row());
}

} // namespace signalbox
