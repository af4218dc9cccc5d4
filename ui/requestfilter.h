// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "ledger/ledgerrecord.h"

#include <QSortFilterProxyModel>

namespace signalbox {

class RequestTableModel;

// Filters the request table by a search text and by stage, model and status. An empty filter
// value lets every row through.
class RequestFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit RequestFilter(QObject *parent = nullptr);

    void setRequests(RequestTableModel *requests);

    // Case-insensitive; matches the request id, stage, route, model, provider, status, error and
    // every line of the decision trace.
    void setSearchText(const QString &text);
    // The stage name; NoStage matches the requests that named no stage.
    void setStage(const QString &stage);
    void setModel(const QString &model);
    void setStatus(const QString &status);

    // The records of the rows that pass, in the order shown.
    QList<LedgerRecord> visibleRecords() const;
    const LedgerRecord *recordAt(const QModelIndex &proxyIndex) const;

    static const QString NoStage;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matchesText(const LedgerRecord &record) const;

    RequestTableModel *m_requests = nullptr;
    QString m_text;
    QString m_stage;
    QString m_model;
    QString m_status;
};

} // namespace signalbox
